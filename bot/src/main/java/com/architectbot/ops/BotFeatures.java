package com.architectbot.ops;

import com.architectbot.consultation.ConsultationService;
import com.architectbot.consultation.llm.LangChainArchitect;
import com.architectbot.consultation.llm.LicenceCheckTool;
import com.architectbot.conversation.redis.RedisConversationRecords;
import com.architectbot.conversation.redis.RedisThreadLocks;
import com.architectbot.conversation.redis.RedisThreadMemory;
import com.architectbot.core.FileSources;
import com.architectbot.core.InquiryHandler;
import com.architectbot.core.TenantControls;
import com.architectbot.knowledge.KnowledgeCommand;
import com.architectbot.knowledge.KnowledgeDesk;
import com.architectbot.knowledge.KnowledgeLibrary;
import com.architectbot.knowledge.ProposedDecisions;
import com.architectbot.knowledge.documents.Chunker;
import com.architectbot.knowledge.documents.DocumentReader;
import com.architectbot.knowledge.embedding.InProcessEmbedder;
import com.architectbot.knowledge.redis.RedisKnowledgeStore;
import com.architectbot.licence.LicenceService;
import com.architectbot.licence.release.ReleaseDocuments;
import com.architectbot.tenancy.Tenancy;
import com.architectbot.tenancy.redis.RedisAnswerRatings;
import com.architectbot.tenancy.redis.RedisTenantProfiles;
import com.architectbot.tenancy.redis.RedisUsageMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * The features, in the order they need each other: the licence check, tenancy, the company knowledge, then the
 * consultation (whose model may call the licence check as a tool and reads the tenant's knowledge); and the two routes through them: the channels' (with plan
 * limits, metering and tenancy commands) and the CLI's (without).
 *
 * @param files each channel registers where its users' files are fetched from, when the channels are built
 * @param localInquiries the CLI's path: no plan limits, metering or tenancy commands for a local user
 */
record BotFeatures(
        LicenceFeature licence,
        Tenancy tenancy,
        KnowledgeLibrary knowledge,
        FileSources files,
        InquiryHandler inquiries,
        InquiryHandler localInquiries)
        implements AutoCloseable {

    static BotFeatures build(BotConfig config, BotStores stores, Clock clock, MeterRegistry metrics) {
        var licence = LicenceFeature.build(config.licenceCheck(), stores::redis, clock, metrics);
        var licences = licence.licences();
        var tenancy = tenancy(config, stores, clock, metrics);
        var files = new FileSources();
        var knowledge = knowledge(stores, clock);
        var proposals = new ProposedDecisions(knowledge);
        var consultations = consultations(config, stores, licences, files, knowledge, clock, metrics);
        var releaseFiles = ReleaseDocuments.bundled(licence.packageFiles(), clock);
        return new BotFeatures(
                licence,
                tenancy,
                knowledge,
                files,
                new InquiryHandler(
                        consultations,
                        licences,
                        releaseFiles,
                        files,
                        tenancy,
                        new KnowledgeDesk(new KnowledgeCommand(knowledge, proposals), proposals),
                        metrics),
                new InquiryHandler(consultations, licences, files, TenantControls.NONE, metrics));
    }

    private static Tenancy tenancy(BotConfig config, BotStores stores, Clock clock, MeterRegistry metrics) {
        var redis = stores.redis();
        return new Tenancy(
                config.tenancy(),
                new RedisUsageMeter(redis.client(), config.tenancy().usageRetention()),
                new RedisTenantProfiles(redis.client()),
                stores.audit(),
                new RedisAnswerRatings(redis.client(), Tenancy.RATINGS_KEPT, clock),
                new RedisConversationRecords(redis),
                List.of(stores.deadLetters(), stores.exports(), stores.answerActivities(), stores.recentThreads()),
                metrics,
                clock);
    }

    /** Each tenant's standards and decisions, embedded in this process. */
    private static KnowledgeLibrary knowledge(BotStores stores, Clock clock) {
        return new KnowledgeLibrary(
                new DocumentReader(),
                new Chunker(),
                new InProcessEmbedder(),
                new RedisKnowledgeStore(stores.redis().client()),
                clock);
    }

    private static ConsultationService consultations(
            BotConfig config,
            BotStores stores,
            LicenceService licences,
            FileSources files,
            KnowledgeLibrary knowledge,
            Clock clock,
            MeterRegistry metrics) {
        return new ConsultationService(
                LangChainArchitect.create(config.model(), List.of(new LicenceCheckTool(licences)), metrics),
                new RedisThreadMemory(stores.redis(), config.memory()),
                // a lock outlives a dead holder as long as its job does: both free by the time it is reclaimed
                new RedisThreadLocks(
                        stores.redis(),
                        new RedisThreadLocks.Settings(
                                config.queue().visibilityTimeout(), RedisThreadLocks.Settings.DEFAULT_POLL_INTERVAL)),
                files,
                knowledge,
                config.consultation(),
                clock);
    }

    /** Closes what the licence check holds open (a manifest workspace, registry clients); not Redis. */
    @Override
    public void close() {
        licence.close();
    }
}
