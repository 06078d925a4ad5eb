package org.socialmedia.devstack.e2e.browser;

import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * Finds controls the way a person or a screen reader does: by their accessible name, as Chromium
 * computes it (label, text, {@code aria-label}). The tests thus also check that every control
 * they use is labelled, and they do not depend on the app's markup beyond its stated contract.
 */
final class Named {

    /** Buttons of the page itself, not of a post or comment (those are looked up in their article). */
    static final By PAGE_BUTTONS = By.xpath("//button[not(ancestor::article)] | //a[not(ancestor::article)]");
    static final By BUTTONS = By.cssSelector("button, a, [role=button]");
    /** A post's own buttons, not those of its comments. */
    static final By POST_BUTTONS = By.xpath(".//*[self::button or self::a or @role='button'][not(ancestor::li[@data-comment-id])]");
    static final By FIELDS = By.cssSelector("textarea, input, select");

    private Named() {
    }

    static Optional<WebElement> find(SearchContext scope, By candidates, String name) {
        return scope.findElements(candidates).stream()
                .filter(WebElement::isDisplayed)
                .filter(element -> name.equals(element.getAccessibleName().strip()))
                .findFirst();
    }

    static Optional<WebElement> field(SearchContext scope, String label) {
        return find(scope, FIELDS, label);
    }
}
