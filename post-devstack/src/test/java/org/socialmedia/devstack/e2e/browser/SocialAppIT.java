package org.socialmedia.devstack.e2e.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.socialmedia.devstack.LocalStack;
import org.socialmedia.devstack.e2e.RunningPair;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.devstack.e2e.browser.Chromium.Screen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The social app in Chromium against the running stack, as people use it: each person in a
 * browser of their own, logged in through the identity provider's form, every change of the
 * others arriving live. Each step's screen is saved under {@code target/screenshots}.
 */
@ExtendWith(RunningPair.class)
class SocialAppIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    /** Words of this run, so that a post is told from those of earlier tests on the same stack. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String appUrl;
    private final CommandApi commands;

    SocialAppIT(LocalStack stack, CommandApi commands) {
        this.appUrl = stack.webAppUrl();
        this.commands = commands;
    }

    @Test
    void aliceAndBobInTwoBrowsers() {
        SocialApp alice = browsers.open("alice", appUrl, Screen.DESKTOP).logIn("alice");
        alice.screenshot("01-alice-logged-in");
        SocialApp bob = browsers.open("bob", appUrl, Screen.DESKTOP).logIn("bob");

        String message = "Good morning from the browser " + run;
        UUID post = alice.post(message);
        alice.screenshot("02-alice-posted");
        PostCard alicesCopy = alice.post(post).openComments();
        alice.markDocument();

        PostCard bobsCopy = bob.post(post);
        bob.screenshot("03-bob-sees-alices-post-live");
        assertThat(bobsCopy.offers("Edit")).as("bob is offered no edit of alice's post").isFalse();
        assertThat(bobsCopy.offers("Delete")).as("bob is offered no delete of alice's post").isFalse();
        bobsCopy.like();
        assertThat(bobsCopy.likes()).isEqualTo(1);
        String comment = "Nice one, alice " + run;
        bobsCopy.comment(comment);
        bob.screenshot("04-bob-liked-and-commented");

        alice.until("bob's like and comment on alice's page", d -> alicesCopy.likes() == 1 && alicesCopy.showsComment(comment));
        assertThat(alice.stillTheSameDocument()).as("alice's page was never reloaded").isTrue();
        assertThat(alicesCopy.liked()).as("bob's like is not alice's").isFalse();
        alice.screenshot("05-alice-sees-like-and-comment-live");
        alice.screenshot("feed");

        // alice starts an edit here, changes the post in a second window, then saves the first edit
        // on the version it started from: the service refuses it (412), and the page shows the newer post.
        alicesCopy.startEditing("Edited in the first window " + run);
        SocialApp aliceElsewhere = alice.secondWindow();
        aliceElsewhere.post(post).edit("Edited in the second window " + run);
        aliceElsewhere.screenshot("06-alice-edits-in-a-second-window");
        alice.bringToFront();
        alicesCopy.save();
        alice.until("the message that the post changed", d -> alicesCopy.text().contains("changed"));
        WebElement applyAgain = alicesCopy.awaitButton("Apply my edit again");
        alice.until("the newer post shown", d -> alicesCopy.text().contains("Edited in the second window " + run));
        alice.screenshot("07-alice-sees-the-post-changed");
        alice.click(applyAgain);
        alice.until("alice's first edit applied again", d -> alicesCopy.text().contains("Edited in the first window " + run)
                && !alicesCopy.text().contains("Edited in the second window " + run) && alicesCopy.button("Save").isEmpty());
        alice.screenshot("08-alice-applied-her-edit-again");
        bob.until("alice's edit on bob's page", d -> bobsCopy.text().contains("Edited in the first window " + run));

        alicesCopy.delete();
        alice.awaitGone(post);
        bob.awaitGone(post);
        alice.screenshot("09-alice-deleted-her-post");
        bob.screenshot("10-alices-post-left-bobs-feed-live");
    }

    @Test
    void clickingAnAuthorShowsOnlyTheirPosts() {
        SocialApp bob = browsers.open("bob", appUrl, Screen.DESKTOP).logIn("bob");
        UUID bobs = bob.post("Bob's own post " + run);
        SocialApp alice = browsers.open("alice", appUrl, Screen.DESKTOP).logIn("alice");
        UUID alices = alice.post("Alice's post for the filter " + run);

        PostCard alicesPost = bob.post(alices);
        bob.click(alicesPost.awaitButton("alice"));

        bob.until("only alice's posts", d -> {
            List<WebElement> shown = bob.articles();
            return !bob.shows(bobs) && bob.shows(alices) && !shown.isEmpty()
                    && shown.stream().allMatch(article -> authorOf(article).equals("alice"));
        });
        assertThat(bob.field("Author")).map(field -> field.getAttribute("value")).contains("alice");
        bob.screenshot("11-bob-filters-by-alice");
    }

    @Test
    void aVisitorFiltersTheFeedAndLoadsMore() {
        // Eleven posts of an author of this run, one more than a page: two liked, one of those commented.
        String author = "reader-" + run;
        List<UUID> posts = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            posts.add(commands.createPost(author, "Post " + i + " of " + author).id());
        }
        commands.likePost(posts.get(0), "alice");
        commands.likePost(posts.get(1), "alice");
        commands.addComment(posts.get(1), "bob", "the only comment");
        SocialApp visitor = browsers.open("a visitor", appUrl, Screen.DESKTOP);
        visitor.open();

        visitor.field("Author").orElseThrow().sendKeys(author);
        // The feed renders anew as the filter settles: every check is made again until it holds at once.
        visitor.until("a page of the author's posts, newest first", d -> {
            List<WebElement> shown = visitor.articles();
            return shown.size() == 10 && shown.get(0).getText().contains("Post 11 of " + author)
                    && shown.stream().allMatch(article -> authorOf(article).equals(author));
        });
        PostCard newest = visitor.post(posts.get(10));
        visitor.until("no composer, like, edit or delete without a login", d -> visitor.field("New post").isEmpty()
                && !newest.offers("Like") && !newest.offers("Edit") && !newest.offers("Delete"));
        visitor.screenshot("14-a-visitor-filters-by-author");
        visitor.click(visitor.pageButton("Load more"));
        visitor.until("the eleventh post after 'Load more'", d -> visitor.articles().size() == 11 && visitor.shows(posts.get(0)));
        visitor.until("no 'Load more' after the last page", d -> Named.find(d, Named.PAGE_BUTTONS, "Load more").isEmpty());

        visitor.field("Minimum likes").orElseThrow().sendKeys("1");
        visitor.until("the two liked posts", d -> visitor.articles().size() == 2 && visitor.shows(posts.get(0)) && visitor.shows(posts.get(1)));
        visitor.click(visitor.field("Has comments").orElseThrow());
        visitor.until("the liked and commented post", d -> visitor.articles().size() == 1 && visitor.shows(posts.get(1)));
        visitor.screenshot("15-a-visitor-filters-by-likes-and-comments");
    }

    @Test
    void bobLikesOnceAndEditsAndRemovesOnlyHisOwnComment() {
        UUID post = commands.createPost("carol", "Carol asks: tea or coffee? " + run).id();
        commands.addComment(post, "alice", "Tea, says alice " + run);
        SocialApp bob = browsers.open("bob", appUrl, Screen.DESKTOP).logIn("bob");
        PostCard shown = bob.post(post).openComments();
        bob.until("alice's comment", d -> shown.showsComment("Tea, says alice " + run));

        shown.comment("Coffee " + run);
        shown.editComment("Coffee " + run, "Coffee, black " + run);
        bob.until("edit and remove offered on bob's comment only", d -> shown.offersOnComment("Coffee, black " + run, "Remove comment")
                && !shown.offersOnComment("Tea, says alice " + run, "Edit comment")
                && !shown.offersOnComment("Tea, says alice " + run, "Remove comment"));
        bob.screenshot("17-bob-edited-his-comment");
        shown.removeComment("Coffee, black " + run);
        assertThat(shown.showsComment("Tea, says alice " + run)).isTrue();

        shown.like();
        bob.browser().navigate().refresh();
        bob.awaitLive();
        // A new page knows nothing of the like (the read model does not say who liked): liking again
        // is refused by post-cmd, and the page shows the post as liked, once.
        PostCard again = bob.post(post);
        bob.click(again.awaitButton("Like"));
        bob.until("the post shown as liked, with one like", d -> again.liked() && again.likes() == 1);
        bob.screenshot("18-bob-liked-once");
    }

    @Test
    void aRefusedPostIsExplainedInASentenceNextToTheField() {
        SocialApp carol = browsers.open("carol", appUrl, Screen.DESKTOP).logIn("carol");

        carol.tryToPost("   ");
        carol.until("the app's own sentence about a blank post", d -> besideNewPost(carol).contains("Write something"));

        // Text pasted with a control character (a bell) in it: the app sends it, and post-cmd refuses it
        // with a 400 problem naming the field. Set as a paste would, since keys cannot type it.
        WebElement field = carol.field("New post").orElseThrow();
        carol.script("arguments[0].value = arguments[1]", field, "a bell \u0007 in the text " + run);
        carol.click(carol.pageButton("Post"));
        carol.until("post-cmd's refusal as a sentence next to the field", d -> besideNewPost(carol).contains("The post must not contain control characters"));
        assertThat(carol.articles()).noneMatch(article -> article.getText().contains(run));
        carol.screenshot("12-a-refused-post-explained");

        carol.click(carol.pageButton("Log out"));
        carol.pageButton("Log in");
        assertThat(carol.browser().findElements(By.id("user"))).as("nobody shown as signed in").isEmpty();
        carol.screenshot("16-carol-logged-out");
    }

    /** What the page shows around the field "New post": the field's own container. */
    private static String besideNewPost(SocialApp page) {
        return page.field("New post").orElseThrow().findElement(By.xpath("..")).getText();
    }

    @Test
    void theFeedOnAPhone() {
        SocialApp dave = browsers.open("dave", appUrl, Screen.PHONE).logIn("dave");
        UUID post = dave.post("A post from a phone " + run);

        PostCard shown = dave.post(post);
        assertThat(dave.script("return window.innerWidth")).as("a phone's viewport").isEqualTo(412L);
        long overflow = (Long) dave.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        assertThat(shown.offers("Delete")).isTrue();
        dave.screenshot("13-the-feed-on-a-phone");
    }

    /** The author named on a post (the app marks the name with the class {@code author}). */
    private static String authorOf(WebElement article) {
        return article.findElements(By.cssSelector(".author")).stream().findFirst()
                .map(element -> element.getText().strip()).orElse("");
    }
}
