package org.socialmedia.devstack.e2e.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium ({@code chromium}) and its WebDriver ({@code chromium-driver}), found on the
 * {@code PATH} and named to Selenium explicitly, so that Selenium Manager never tries to download a
 * browser or a driver (machines without that download are the rule in CI). Missing packages fail
 * the test with the command that installs them: a browser test that skips itself proves nothing.
 *
 * <p>Each {@link #open} is a browser of its own (its own profile, so its own cookies and
 * session), headless, with a fixed window size so that screenshots compare from run to run.
 * {@code -Dchromium.binary} and {@code -Dchromium.driver} name other binaries.
 */
final class Chromium {

    static final Dimension DESKTOP = new Dimension(1280, 1000);
    /** A phone's viewport in CSS pixels (a common Android size). */
    static final Dimension PHONE = new Dimension(412, 915);

    private static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private Chromium() {
    }

    static WebDriver open(Dimension window) {
        Path browser = executable("chromium.binary", "chromium", "chromium");
        Path driver = executable("chromium.driver", "chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--window-size=" + window.getWidth() + "," + window.getHeight(),
                "--disable-dev-shm-usage", "--no-first-run", "--disable-search-engine-choice-screen", "--lang=en-US");
        // A confirmation the app opens (before a deletion, say) is the test's to accept, not the driver's to dismiss.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        if (runsAsRoot()) {
            // Chromium refuses to start its sandbox as root (CI containers run as root).
            options.addArguments("--no-sandbox");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        return new ChromeDriver(service, options);
    }

    private static Path executable(String property, String command, String debianPackage) {
        String named = System.getProperty(property);
        Optional<Path> found = named != null ? Optional.of(Path.of(named)).filter(Files::isExecutable) : onPath(command);
        return found.orElseThrow(() -> new IllegalStateException("The browser tests drive Debian's Chromium, and "
                + (named != null ? named + " (-D" + property + ") is not an executable file" : "'" + command + "' is not on the PATH")
                + ": install the Debian packages chromium and chromium-driver (" + INSTALL + ", as root), which include "
                + command + " (package " + debianPackage + ")"));
    }

    private static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin";
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
