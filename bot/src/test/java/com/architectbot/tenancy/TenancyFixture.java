package com.architectbot.tenancy;

import com.architectbot.consultation.ConsultationService;
import com.architectbot.consultation.ConsultationSettings;
import com.architectbot.consultation.llm.LangChainArchitect;
import com.architectbot.consultation.llm.LicenceCheckTool;
import com.architectbot.conversation.Surface;
import com.architectbot.conversation.ThreadKey;
import com.architectbot.conversation.redis.RedisConversationRecords;
import com.architectbot.conversation.redis.RedisThreadLocks;
import com.architectbot.conversation.redis.RedisThreadMemory;
import com.architectbot.core.FileSources;
import com.architectbot.core.Inquiry;
import com.architectbot.core.InquiryHandler;
import com.architectbot.core.InquiryId;
import com.architectbot.core.InquiryKind;
import com.architectbot.core.UserRole;
import com.architectbot.core.knowledge.CompanyKnowledge;
import com.architectbot.licence.Ecosystem;
import com.architectbot.licence.FixedRegistry;
import com.architectbot.licence.FixedTree;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.LicenceSettings;
import com.architectbot.licence.PackageRef;
import com.architectbot.redis.RedisConnection;
import com.architectbot.tenancy.redis.RedisAnswerRatings;
import com.architectbot.tenancy.redis.RedisAuditLog;
import com.architectbot.tenancy.redis.RedisTenantProfiles;
import com.architectbot.tenancy.redis.RedisUsageMeter;
import com.architectbot.testing.FakeOpenAi;
import com.architectbot.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole inquiry path with tenancy on real parts: the real architect on the fake OpenAI endpoint, the real
 * Redis memory, meter, profiles and audit log; a tenant of its own per fixture.
 */
final class TenancyFixture implements AutoCloseable {

    static final PackageRef COMMONS = new PackageRef(Ecosystem.MAVEN, "org.apache.commons", "commons-lang3", "3.14.0");
    static final PackageRef GPL_LIB = new PackageRef(Ecosystem.MAVEN, "org.example", "readline-java", "1.0");

    final String tenant = "T" + UUID.randomUUID().toString().substring(0, 8);
    final TenantId tenantId = new TenantId(Surface.SLACK, tenant);
    final FakeOpenAi model = FakeOpenAi.start();
    final RedisConnection redis = TestRedis.connection();
    final MutableClock clock = new MutableClock(Instant.now());
    final TenancySettings settings;
    final RedisUsageMeter meter = new RedisUsageMeter(redis.client(), TenancySettings.DEFAULT_USAGE_RETENTION);
    final RedisTenantProfiles profiles = new RedisTenantProfiles(redis.client());
    final RedisAuditLog audit;
    final RedisAnswerRatings ratings;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final RedisThreadMemory memory = new RedisThreadMemory(redis, RedisThreadMemory.Settings.defaults());
    final Tenancy tenancy;
    final InquiryHandler handler;
    private final AtomicInteger ids = new AtomicInteger();

    TenancyFixture() {
        this(TenancySettings.defaults());
    }

    TenancyFixture(TenancySettings settings) {
        this.settings = settings;
        this.audit = new RedisAuditLog(redis.client(), settings.auditRetention(), clock);
        this.ratings = new RedisAnswerRatings(redis.client(), Tenancy.RATINGS_KEPT, clock);
        this.tenancy = new Tenancy(
                settings,
                meter,
                profiles,
                audit,
                ratings,
                new RedisConversationRecords(redis),
                List.of(),
                metrics,
                clock);
        var licences = new LicenceService(
                new FixedTree(
                        Map.of(
                                "c", List.of(FixedTree.direct(COMMONS, null)),
                                "g", List.of(FixedTree.direct(GPL_LIB, null))),
                        List.of()),
                FixedRegistry.of(Map.of(
                        COMMONS, FixedRegistry.found("Apache-2.0"), GPL_LIB, FixedRegistry.found("GPL-3.0-only"))),
                LicenceSettings.DEFAULTS);
        var consultations = new ConsultationService(
                LangChainArchitect.create(
                        model.settings(), List.of(new LicenceCheckTool(licences)), new SimpleMeterRegistry()),
                memory,
                new RedisThreadLocks(redis, RedisThreadLocks.Settings.defaults()),
                new FileSources(),
                CompanyKnowledge.NONE,
                ConsultationSettings.DEFAULTS,
                clock);
        this.handler =
                new InquiryHandler(consultations, licences, new FileSources(), tenancy, new SimpleMeterRegistry());
    }

    ThreadKey thread(String ts) {
        return new ThreadKey(Surface.SLACK, tenant, "C1", ts);
    }

    Inquiry ask(String user, ThreadKey thread, String text) {
        return inquiry(InquiryKind.CONSULTATION, user, thread, text, UserRole.MEMBER);
    }

    Inquiry inquiry(InquiryKind kind, String user, ThreadKey thread, String text, UserRole role) {
        return new Inquiry(
                new InquiryId("slack:Ev" + ids.incrementAndGet() + tenant), kind, thread, user, text, List.of(), role);
    }

    @Override
    public void close() {
        model.close();
        redis.close();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
