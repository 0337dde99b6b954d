package com.architectbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.core.knowledge.Passage;
import com.architectbot.knowledge.documents.Chunker;
import com.architectbot.knowledge.documents.DocumentReader;
import com.architectbot.knowledge.documents.Upload;
import com.architectbot.knowledge.embedding.InProcessEmbedder;
import com.architectbot.knowledge.redis.RedisKnowledgeStore;
import com.architectbot.testing.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnowledgeLibraryTest {

    private static final String DATABASES = """
            # Database standard

            ## Choice of database
            New services store their data in PostgreSQL 16 on the shared platform cluster.
            MySQL and MongoDB are not supported by the platform team.

            ## Backups
            Point-in-time recovery is enabled for every production database, with 14 days of WAL kept.
            """;

    private final KnowledgeLibrary library = new KnowledgeLibrary(
            new DocumentReader(),
            new Chunker(),
            new InProcessEmbedder(),
            new RedisKnowledgeStore(TestRedis.client()),
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    private final KnowledgeTenant acme = new KnowledgeTenant(Surface.SLACK, "T_ACME");
    private final ThreadKey acmeThread = new ThreadKey(Surface.SLACK, "T_ACME", "C1", "1.1");

    @BeforeEach
    void clean() {
        TestRedis.flush();
    }

    @Test
    void aQuestionOnAStandardFindsItsSection() {
        KnowledgeDocument added = library.add(acme, markdown("databases.md", DATABASES), "U_ADMIN");

        List<Passage> passages = library.relevantTo(acmeThread, "Which database should our new orders service use?");

        assertThat(added.title()).isEqualTo("Database standard");
        assertThat(passages).isNotEmpty();
        assertThat(passages.getFirst().section()).isEqualTo("Choice of database");
        assertThat(passages.getFirst().document()).isEqualTo("Database standard");
    }

    @Test
    void anOffTopicQuestionFindsNothing() {
        library.add(acme, markdown("databases.md", DATABASES), "U_ADMIN");

        assertThat(library.relevantTo(acmeThread, "What is a good recipe for banana bread?"))
                .isEmpty();
    }

    @Test
    void anotherTenantNeverSeesIt() {
        library.add(acme, markdown("databases.md", DATABASES), "U_ADMIN");

        assertThat(library.relevantTo(
                        new ThreadKey(Surface.SLACK, "T_OTHER", "C1", "1.1"),
                        "Which database should our new orders service use?"))
                .isEmpty();
    }

    private static Upload markdown(String name, String text) {
        return new Upload(name, text.getBytes(StandardCharsets.UTF_8), "");
    }
}
