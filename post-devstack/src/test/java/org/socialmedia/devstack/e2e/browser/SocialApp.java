package org.socialmedia.devstack.e2e.browser;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The social app in one person's browser, driven through its accessible names and the attributes
 * its contract states ({@code article[data-post-id][data-version]}, {@code .likes},
 * {@code li[data-comment-id]}, {@code #user}, {@code body[data-stream]}). Every action waits,
 * explicitly, until the page shows its outcome.
 */
final class SocialApp {

    /** Generous: one slow step on a busy two-core machine must not fail a run; a passing wait ends at once. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String who;
    private final WebDriver browser;
    private final String appUrl;
    private final WebDriverWait wait;
    /** This page's window (a browser may hold several, all of one person). */
    private final String window;

    SocialApp(String who, WebDriver browser, String appUrl) {
        this.who = who;
        this.browser = browser;
        this.appUrl = appUrl;
        this.window = browser.getWindowHandle();
        this.wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    String who() {
        return who;
    }

    WebDriver browser() {
        return browser;
    }

    /** Opens the app without logging in, and waits for the live stream. */
    SocialApp open() {
        browser.get(appUrl);
        pageButton("Log in");
        return awaitLive();
    }

    /** Opens the app, logs in through the identity provider's form, and waits for the live stream. */
    SocialApp logIn(String username) {
        browser.get(appUrl);
        click(pageButton("Log in"));
        WebElement name = until("the identity provider's login form", d -> d.findElements(By.id("username")).stream().findFirst().orElse(null));
        name.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(username + "'s name shown as the signed-in user", d -> d.findElements(By.id("user")).stream()
                .anyMatch(user -> user.getText().strip().contains(username)));
        return awaitLive();
    }

    /** Waits until the page's EventSource is connected, so that no change made from now on goes unseen. */
    SocialApp awaitLive() {
        until("the live stream open", d -> "open".equals(script("return document.body.dataset.stream")));
        return this;
    }

    /** Writes a post and returns its id once the feed shows it. */
    UUID post(String message) {
        WebElement field = until("the field 'New post'", d -> Named.field(d, "New post").orElse(null));
        field.clear();
        field.sendKeys(message);
        click(pageButton("Post"));
        WebElement article = until("the new post in the feed", d -> articles().stream()
                .filter(shown -> shown.getText().contains(message)).findFirst().orElse(null));
        return UUID.fromString(article.getAttribute("data-post-id"));
    }

    /** Types into the "New post" field and presses "Post", without waiting for a post to appear. */
    void tryToPost(String message) {
        WebElement field = until("the field 'New post'", d -> Named.field(d, "New post").orElse(null));
        field.clear();
        field.sendKeys(message);
        click(pageButton("Post"));
    }

    /** The post as this page shows it; waits until the feed shows it. */
    PostCard post(UUID id) {
        until("post " + id + " shown", d -> !d.findElements(PostCard.selector(id)).isEmpty());
        return new PostCard(this, id);
    }

    boolean shows(UUID id) {
        return !browser.findElements(PostCard.selector(id)).isEmpty();
    }

    void awaitGone(UUID id) {
        until("post " + id + " gone from the page", d -> d.findElements(PostCard.selector(id)).isEmpty());
    }

    List<WebElement> articles() {
        return browser.findElements(By.cssSelector("article[data-post-id]"));
    }

    /** Opens a second window (a tab) in the same browser: the same person, the same session. */
    SocialApp secondWindow() {
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(appUrl);
        SocialApp second = new SocialApp(who + " (second window)", browser, appUrl);
        second.until("the second window signed in", d -> !d.findElements(By.id("user")).isEmpty()
                && !d.findElement(By.id("user")).getText().isBlank());
        return second.awaitLive();
    }

    /** Makes this page's window the one the driver talks to (after another window of the same browser). */
    SocialApp bringToFront() {
        browser.switchTo().window(window);
        return this;
    }

    /** Marks the document, so that a test can tell later that the page was never reloaded. */
    void markDocument() {
        script("window.__notReloaded = true; return null");
    }

    boolean stillTheSameDocument() {
        return Boolean.TRUE.equals(script("return window.__notReloaded === true"));
    }

    WebElement pageButton(String name) {
        return until("the button '" + name + "'", d -> Named.find(d, Named.PAGE_BUTTONS, name).orElse(null));
    }

    Optional<WebElement> field(String label) {
        return Named.field(browser, label);
    }

    void screenshot(String step) {
        Screenshots.take(browser, step);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    <T> T until(String what, Function<WebDriver, T> condition) {
        wait.withMessage(() -> who + "'s browser: expected " + what + " within " + PATIENCE.toSeconds() + " s; page at "
                + browser.getCurrentUrl());
        return wait.until(condition);
    }

    /**
     * Clicks, then accepts a confirmation the click may have opened (an app may confirm before
     * deleting): the driver is told to leave prompts alone, so the test decides.
     */
    void click(WebElement element) {
        element.click();
        try {
            browser.switchTo().alert().accept();
        } catch (NoAlertPresentException noConfirmation) {
            // the usual case
        }
    }
}
