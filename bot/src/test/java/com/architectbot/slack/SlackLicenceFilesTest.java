package com.architectbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.config.Environment;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.FileText;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryFile;
import com.architectbot.core.InquiryHandler;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.KnowledgeCommands;
import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.core.TenantControls;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.FixedRegistry;
import com.architectbot.licence.FixedTree;
import com.architectbot.licence.LicenceReportJson;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.PackageRef;
import com.architectbot.licence.release.ReleaseDocument;
import com.architectbot.licence.release.ReleaseDocuments;
import com.architectbot.queue.ReplyParts;
import com.architectbot.queue.TestReplyParts;
import com.architectbot.queue.redis.RedisDeliveredParts;
import com.architectbot.slack.blockkit.BlockKitRenderer;
import com.architectbot.slack.redis.RecentThreads;
import com.architectbot.testing.FakeSlackApi;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * A licence check of a manifest in Slack, from the worker's inquiry to the Web API: the report in the thread,
 * then its files in one upload into the same thread. The check runs on the real {@link InquiryHandler} and
 * {@link LicenceService} (with a fixed tree and registry), the reply goes through the real {@link SlackReplier}
 * to a {@link FakeSlackApi}.
 */
class SlackLicenceFilesTest {

    private static final PackageRef COMMONS =
            new PackageRef(Ecosystem.MAVEN, "org.apache.commons", "commons-lang3", "3.14.0");
    private static final ReplyTarget THREAD = SlackTargets.thread("T1", "C1", "1700000000.000100");

    private final FakeSlackApi slack = FakeSlackApi.start();
    private final UnifiedJedis redis = TestRedis.client();
    private final RedisDeliveredParts record = TestReplyParts.recordedIn(redis);

    @AfterEach
    void stop() {
        slack.close();
        redis.close();
    }

    private static final ReleaseDocument REPORT_JSON =
            new ReleaseDocument("licence-report.json", "application/json", LicenceReportJson::render);
    private static final ReleaseDocuments JSON_ONLY = new ReleaseDocuments(List.of(REPORT_JSON));

    @Test
    void a_manifest_gets_its_report_and_then_one_upload_of_its_files_into_the_thread() {
        Reply reply = check(JSON_ONLY, "pom.xml");

        replier().deliver(THREAD, reply, parts("slack:EvFiles1"));

        assertThat(slack.methods())
                .containsSubsequence("chat.postMessage", "files.getUploadURLExternal", "files.completeUploadExternal");
        assertThat(slack.calls("files.getUploadURLExternal"))
                .extracting(call -> call.param("filename"))
                .containsExactly("licence-report.json");
        var uploaded = uploadBodies();
        assertThat(uploaded)
                .singleElement()
                .asString()
                .contains("\"pkg:maven/org.apache.commons/commons-lang3@3.14.0\"");
        var shared = slack.onlyCall("files.completeUploadExternal");
        assertThat(shared.param("channel_id")).isEqualTo("C1");
        assertThat(shared.param("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(shared.param("initial_comment")).isEqualTo("Files of this licence check: `licence-report.json`");
    }

    @Test
    void several_files_go_up_in_one_upload_with_one_comment() {
        var documents = new ReleaseDocuments(List.of(
                REPORT_JSON,
                new ReleaseDocument("THIRD-PARTY-NOTICES.txt", "text/plain", report -> "commons-lang3\n")));

        replier().deliver(THREAD, check(documents, "pom.xml"), parts("slack:EvFiles2"));

        assertThat(slack.calls("files.getUploadURLExternal"))
                .extracting(call -> call.param("filename"))
                .containsExactly("licence-report.json", "THIRD-PARTY-NOTICES.txt");
        var shared = slack.onlyCall("files.completeUploadExternal");
        assertThat(shared.param("files")).contains("licence-report.json", "THIRD-PARTY-NOTICES.txt");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_retried_job_does_not_upload_its_files_again() {
        Reply reply = check(JSON_ONLY, "pom.xml");
        replier().deliver(THREAD, reply, parts("slack:EvFiles3"));

        // when: the job is delivered again (its worker died before acknowledging it)
        replier().deliver(THREAD, reply, parts("slack:EvFiles3"));

        assertThat(slack.calls("files.getUploadURLExternal")).hasSize(1);
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void a_file_that_cannot_be_made_is_left_out_and_the_upload_says_so() {
        var documents = new ReleaseDocuments(
                List.of(REPORT_JSON, new ReleaseDocument("sbom.cdx.json", "application/vnd.cyclonedx+json", report -> {
                    throw new IllegalStateException("renderer broke");
                })));

        replier().deliver(THREAD, check(documents, "pom.xml"), parts("slack:EvFiles4"));

        var report = slack.onlyCall("chat.postMessage");
        assertThat(report.param("blocks")).contains("Licence check").doesNotContain("renderer broke");
        assertThat(slack.calls("files.getUploadURLExternal"))
                .extracting(call -> call.param("filename"))
                .containsExactly("licence-report.json");
        assertThat(slack.onlyCall("files.completeUploadExternal").param("initial_comment"))
                .contains("Not attached: sbom.cdx.json could not be made this time")
                .doesNotContain("renderer broke");
    }

    @Test
    void when_no_file_can_be_made_a_line_after_the_report_says_so() {
        var documents = new ReleaseDocuments(
                List.of(new ReleaseDocument("sbom.cdx.json", "application/vnd.cyclonedx+json", report -> {
                    throw new IllegalStateException("renderer broke");
                })));

        replier().deliver(THREAD, check(documents, "pom.xml"), parts("slack:EvFiles5"));

        assertThat(slack.calls("chat.postMessage"))
                .extracting(call -> call.param("text"))
                .last()
                .asString()
                .contains("Not attached: sbom.cdx.json could not be made this time");
        assertThat(slack.calls("files.getUploadURLExternal")).isEmpty();
    }

    @Test
    void the_report_is_posted_before_any_file_is_made() {
        var postsBeforeWriting = new ArrayList<Integer>();
        var documents =
                new ReleaseDocuments(List.of(new ReleaseDocument("THIRD-PARTY-NOTICES.txt", "text/plain", report -> {
                    postsBeforeWriting.add(slack.calls("chat.postMessage").size());
                    return "commons-lang3\n";
                })));
        Reply reply = check(documents, "pom.xml");

        assertThat(postsBeforeWriting).as("made by the check itself").isEmpty();
        replier().deliver(THREAD, reply, parts("slack:EvOrder"));

        assertThat(postsBeforeWriting).containsExactly(1);
        assertThat(slack.calls("files.getUploadURLExternal")).hasSize(1);
    }

    @Test
    void a_retried_job_that_uploaded_does_not_make_its_files_again() {
        var writes = new AtomicInteger();
        var documents =
                new ReleaseDocuments(List.of(new ReleaseDocument("THIRD-PARTY-NOTICES.txt", "text/plain", report -> {
                    writes.incrementAndGet();
                    return "commons-lang3\n";
                })));
        replier().deliver(THREAD, check(documents, "pom.xml"), parts("slack:EvRetry"));

        // when: the job is checked again and delivered again (its worker died before acknowledging it)
        replier().deliver(THREAD, check(documents, "pom.xml"), parts("slack:EvRetry"));

        assertThat(writes).hasValue(1);
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
    }

    @Test
    void typed_packages_get_the_report_alone() {
        Reply reply = handler(JSON_ONLY, "pom.xml")
                .process(
                        new Inquiry(new InquiryId("slack:EvTyped"), InquiryKind.LICENCE_CHECK, key(), "U1", "commons"));

        replier().deliver(THREAD, reply, parts("slack:EvTyped"));

        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(slack.calls("files.getUploadURLExternal")).isEmpty();
    }

    @Test
    void a_hostile_manifest_name_cannot_shape_the_names_of_the_uploaded_files() {
        String hostile = "../../etc/passwd\r\nContent-Type: text/html\r\n" + "x".repeat(300) + "/pom.xml";

        replier().deliver(THREAD, check(JSON_ONLY, hostile), parts("slack:EvHostile"));

        assertThat(slack.calls("files.getUploadURLExternal"))
                .extracting(call -> call.param("filename"))
                .containsExactly("licence-report.json");
        var shared = slack.onlyCall("files.completeUploadExternal");
        assertThat(shared.param("initial_comment") + shared.param("files"))
                .doesNotContain("passwd", "..", "\r", "\n", "Content-Type", "xxx");
    }

    /** A check of one manifest with one dependency, as a worker makes it. */
    private Reply check(ReleaseDocuments documents, String manifestName) {
        return handler(documents, manifestName)
                .process(new Inquiry(
                        new InquiryId("slack:Ev"),
                        InquiryKind.LICENCE_CHECK,
                        key(),
                        "U1",
                        "",
                        List.of(new InquiryFile(manifestName, URI.create("slack-file:F1")))));
    }

    private static InquiryHandler handler(ReleaseDocuments documents, String manifestName) {
        var tree = Map.of(
                manifestName,
                List.of(FixedTree.direct(COMMONS, null)),
                "commons",
                List.of(FixedTree.direct(COMMONS, null)));
        var licences = new LicenceService(
                new FixedTree(tree, List.of()),
                FixedRegistry.of(Map.of(COMMONS, FixedRegistry.found("Apache-2.0"))),
                LicenceSettings.DEFAULTS);
        return new InquiryHandler(
                null,
                licences,
                documents,
                (file, thread) -> new FileText(file.name(), "<project/>"),
                TenantControls.NONE,
                KnowledgeCommands.NONE,
                new SimpleMeterRegistry());
    }

    private static ThreadKey key() {
        return new ThreadKey(Surface.SLACK, "T1", "C1", "1700000000.000100");
    }

    private ReplyParts parts(String inquiry) {
        return new ReplyParts(new InquiryId(inquiry), "reply", record);
    }

    private List<String> uploadBodies() {
        return slack.calls().stream()
                .filter(call -> call.method().startsWith("upload/"))
                .map(FakeSlackApi.Call::body)
                .toList();
    }

    private SlackReplier replier() {
        var client = SlackClients.create(slack.apiUrl(), Duration.ofSeconds(5));
        var api = new SlackWebApi(Duration.ofSeconds(30), wait -> {});
        return new SlackReplier(
                client,
                BotTokens.single("xoxb-test"),
                api,
                new BlockKitRenderer(),
                new SlackCommandJobs(
                        client,
                        new RecentThreads(redis, Duration.ofHours(1), Clock.systemUTC()),
                        new SlackAdmins(api, Clock.systemUTC()),
                        SlackSettings.from(new Environment(Map.of(
                                        "SLACK_BOT_TOKEN",
                                        "xoxb-test",
                                        "SLACK_SIGNING_SECRET",
                                        "s",
                                        "SLACK_API_URL",
                                        slack.apiUrl().toString())))
                                .responseUrlHosts()));
    }
}
