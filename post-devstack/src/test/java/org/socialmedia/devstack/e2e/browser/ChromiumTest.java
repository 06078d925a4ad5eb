package org.socialmedia.devstack.e2e.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.socialmedia.devstack.e2e.browser.Chromium.Screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumTest {

    @AfterEach
    void forgetTheNamedBinaries() {
        System.clearProperty("chromium.binary");
        System.clearProperty("chromium.driver");
    }

    @Test
    void aMissingBrowserFailsNamingTheDebianPackagesToInstall() {
        System.setProperty("chromium.binary", "/nowhere/chromium");

        assertThatThrownBy(() -> Chromium.open(Screen.DESKTOP))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nowhere/chromium")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }

    @Test
    void aMissingDriverFailsNamingItsPackage() {
        System.setProperty("chromium.driver", "/nowhere/chromedriver");

        assertThatThrownBy(() -> Chromium.open(Screen.DESKTOP))
                .hasMessageContaining("/nowhere/chromedriver")
                .hasMessageContaining("chromium-driver");
    }

    @Test
    void theInstalledBrowserRendersAPageHeadlessOnAPhoneSizedScreen() {
        WebDriver browser = Chromium.open(Screen.PHONE);
        try {
            browser.get("data:text/html,<meta name=viewport content=width=device-width><title>t</title><p id=p>rendered</p>");

            assertThat(browser.findElement(By.id("p")).getText()).isEqualTo("rendered");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.innerWidth")).isEqualTo(412L);
            assertThat(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)).startsWith(0x89, 'P', 'N', 'G');
        } finally {
            browser.quit();
        }
    }
}
