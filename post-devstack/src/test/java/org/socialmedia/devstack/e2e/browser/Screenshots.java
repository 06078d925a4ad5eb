package org.socialmedia.devstack.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The pictures of a browser test's steps, as PNG files under {@code target/screenshots}, named by
 * step: what a reviewer looks at to see what the app showed, and what to open first after a failure.
 */
final class Screenshots {

    static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** @return the file written: {@code <step>.png} */
    static Path take(WebDriver browser, String step) {
        try {
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(step + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
