package org.socialmedia.devstack.e2e.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.socialmedia.devstack.e2e.browser.Chromium.Screen;

/**
 * The browsers of one test, each a person's own (a separate Chromium session: its own cookies).
 * When the test fails, each browser's page is saved as {@code failed-<test>-<person>.png} before
 * all of them are closed.
 */
final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

    private final List<SocialApp> open = new ArrayList<>();

    SocialApp open(String who, String appUrl, Screen screen) {
        WebDriver browser = Chromium.open(screen);
        SocialApp app = new SocialApp(who, browser, appUrl);
        open.add(app);
        return app;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (SocialApp app : open) {
                try {
                    app.screenshot("failed-" + context.getRequiredTestMethod().getName() + "-" + app.who());
                } catch (RuntimeException e) {
                    context.publishReportEntry("screenshot of " + app.who() + " failed", String.valueOf(e));
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(app -> app.browser().quit());
        open.clear();
    }
}
