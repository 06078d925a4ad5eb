package org.socialmedia.devstack.e2e.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
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

    /** The screens the tests use: a desktop window, and a phone's viewport (a common Android size, in CSS pixels). */
    enum Screen {
        DESKTOP(new Dimension(1280, 1000)),
        PHONE(new Dimension(412, 915));

        final Dimension size;

        Screen(Dimension size) {
            this.size = size;
        }
    }

    private static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private Chromium() {
    }

    static WebDriver open(Screen screen) {
        Path browser = executable("chromium.binary", "chromium", "chromium");
        Path driver = executable("chromium.driver", "chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--window-size=" + Screen.DESKTOP.size.getWidth() + "," + Screen.DESKTOP.size.getHeight(),
                "--disable-dev-shm-usage", "--no-first-run", "--disable-search-engine-choice-screen", "--lang=en-US");
        if (screen == Screen.PHONE) {
            // A window cannot be narrower than 500 pixels, a phone is: its viewport is emulated, as DevTools' device mode does.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", screen.size.getWidth(), "height", screen.size.getHeight(), "pixelRatio", 1.0, "touch", true)));
        }
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
