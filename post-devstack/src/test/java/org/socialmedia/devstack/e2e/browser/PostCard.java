package org.socialmedia.devstack.e2e.browser;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One post as a page shows it ({@code article[data-post-id]}). Its element is looked up again for
 * every question, since the app may render a post anew at any moment (a live change, a refetch).
 */
final class PostCard {

    private final SocialApp page;
    private final UUID id;

    PostCard(SocialApp page, UUID id) {
        this.page = page;
        this.id = id;
    }

    static By selector(UUID id) {
        return By.cssSelector("article[data-post-id='" + id + "']");
    }

    WebElement article() {
        return page.browser().findElement(selector(id));
    }

    String text() {
        return article().getText();
    }

    long version() {
        return Long.parseLong(article().getAttribute("data-version"));
    }

    /** The like count as shown (the digits of the {@code .likes} element). */
    int likes() {
        String shown = article().findElement(By.cssSelector(".likes")).getText().replaceAll("\\D", "");
        return shown.isEmpty() ? 0 : Integer.parseInt(shown);
    }

    Optional<WebElement> button(String name) {
        return Named.find(article(), Named.POST_BUTTONS, name);
    }

    boolean offers(String buttonName) {
        return button(buttonName).isPresent();
    }

    WebElement awaitButton(String name) {
        return page.until("the button '" + name + "' on post " + id, d -> button(name).orElse(null));
    }

    boolean liked() {
        return button("Like").map(like -> "true".equals(like.getAttribute("aria-pressed"))).orElse(false);
    }

    PostCard like() {
        page.click(awaitButton("Like"));
        page.until("post " + id + " shown as liked", d -> liked());
        return this;
    }

    /** Opens the comments, unless they are open already (the field "New comment" shows). */
    PostCard openComments() {
        if (Named.field(article(), "New comment").isEmpty()) {
            page.click(awaitButton("Comments"));
            page.until("the field 'New comment' on post " + id, d -> Named.field(article(), "New comment").orElse(null));
        }
        return this;
    }

    PostCard comment(String text) {
        openComments();
        WebElement field = Named.field(article(), "New comment").orElseThrow();
        field.clear();
        field.sendKeys(text);
        page.click(awaitButton("Comment"));
        page.until("the comment '" + text + "' on post " + id, d -> showsComment(text));
        return this;
    }

    /** The comments' texts, as shown; each entry is the comment's whole text (author, message). */
    List<String> commentTexts() {
        return article().findElements(By.cssSelector("li[data-comment-id]")).stream().map(WebElement::getText).toList();
    }

    /** The comment showing {@code text}, or nothing. */
    Optional<WebElement> commentShowing(String text) {
        return article().findElements(By.cssSelector("li[data-comment-id]")).stream()
                .filter(item -> item.getText().contains(text)).findFirst();
    }

    boolean offersOnComment(String text, String buttonName) {
        return commentShowing(text).flatMap(item -> Named.find(item, Named.BUTTONS, buttonName)).isPresent();
    }

    /** Edits the comment showing {@code text} into {@code edited}, and waits until the post shows it. */
    PostCard editComment(String text, String edited) {
        WebElement item = commentShowing(text).orElseThrow();
        page.click(Named.find(item, Named.BUTTONS, "Edit comment").orElseThrow());
        WebElement editor = page.until("the comment's editor", d -> item.findElements(By.tagName("textarea")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        editor.clear();
        editor.sendKeys(edited);
        page.click(Named.find(item, Named.BUTTONS, "Save").orElseThrow());
        page.until("the edited comment '" + edited + "'", d -> commentShowing(edited).filter(WebElement::isDisplayed).isPresent());
        return this;
    }

    PostCard removeComment(String text) {
        page.click(Named.find(commentShowing(text).orElseThrow(), Named.BUTTONS, "Remove comment").orElseThrow());
        page.until("the comment '" + text + "' gone", d -> commentShowing(text).isEmpty());
        return this;
    }

    boolean showsComment(String text) {
        return commentTexts().stream().anyMatch(shown -> shown.contains(text));
    }

    /** Opens the editor and replaces the message with {@code message}, without saving. */
    PostCard startEditing(String message) {
        page.click(awaitButton("Edit"));
        WebElement editor = page.until("the editor of post " + id, d -> article().findElements(By.tagName("textarea")).stream()
                .filter(WebElement::isDisplayed)
                .filter(area -> !"New comment".equals(area.getAccessibleName().strip()))
                .findFirst().orElse(null));
        editor.clear();
        editor.sendKeys(message);
        return this;
    }

    void save() {
        page.click(awaitButton("Save"));
    }

    /** Edits and saves, and waits until the post shows the new message. */
    PostCard edit(String message) {
        long before = version();
        startEditing(message);
        save();
        page.until("post " + id + " showing its edited message", d -> text().contains(message) && version() > before
                && button("Save").isEmpty());
        return this;
    }

    void delete() {
        page.click(awaitButton("Delete"));
    }
}
