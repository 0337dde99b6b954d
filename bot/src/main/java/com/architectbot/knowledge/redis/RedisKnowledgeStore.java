package com.architectbot.knowledge.redis;

import static java.util.Objects.requireNonNull;

import com.architectbot.knowledge.KnowledgeDocument;
import com.architectbot.knowledge.KnowledgeStore;
import com.architectbot.knowledge.KnowledgeTenant;
import com.architectbot.knowledge.StoredChunk;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * A tenant's knowledge under its own hash tag ({@code ab:{tenant:slack:T1}:knowledge:...}), the tag the tenancy
 * keys use: a hash of documents, one hash of passages per document, a version counter bumped on every change.
 * Kept until removed or the tenant is erased.
 */
public final class RedisKnowledgeStore implements KnowledgeStore {

    private static final ObjectMapper JSON =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final UnifiedJedis redis;

    public RedisKnowledgeStore(UnifiedJedis redis) {
        this.redis = requireNonNull(redis, "redis");
    }

    @Override
    public String newId(KnowledgeTenant tenant) {
        return "k" + redis.incr(keys(tenant).lastId());
    }

    @Override
    public void save(KnowledgeTenant tenant, KnowledgeDocument document, List<StoredChunk> chunks) {
        Keys keys = keys(tenant);
        String passages = keys.passages(document.id());
        redis.del(passages);
        for (int i = 0; i < chunks.size(); i++) {
            redis.hset(passages, String.format("%06d", i), write(chunks.get(i)));
        }
        redis.hset(keys.documents(), document.id(), write(document));
        redis.incr(keys.version());
    }

    @Override
    public List<KnowledgeDocument> documents(KnowledgeTenant tenant) {
        return redis.hgetAll(keys(tenant).documents()).values().stream()
                .map(json -> read(json, KnowledgeDocument.class))
                .sorted(Comparator.comparing(KnowledgeDocument::addedAt).thenComparing(KnowledgeDocument::id))
                .toList();
    }

    @Override
    public Optional<KnowledgeDocument> document(KnowledgeTenant tenant, String id) {
        return Optional.ofNullable(redis.hget(keys(tenant).documents(), id))
                .map(json -> read(json, KnowledgeDocument.class));
    }

    @Override
    public List<StoredChunk> chunks(KnowledgeTenant tenant, String documentId) {
        Map<String, String> fields = redis.hgetAll(keys(tenant).passages(documentId));
        return fields.keySet().stream()
                .sorted()
                .map(field -> read(fields.get(field), StoredChunk.class))
                .toList();
    }

    @Override
    public List<StoredChunk> allChunks(KnowledgeTenant tenant) {
        List<StoredChunk> all = new ArrayList<>();
        for (String id : redis.hkeys(keys(tenant).documents())) {
            all.addAll(chunks(tenant, id));
        }
        return all;
    }

    @Override
    public long version(KnowledgeTenant tenant) {
        String version = redis.get(keys(tenant).version());
        return version == null ? 0 : Long.parseLong(version);
    }

    @Override
    public boolean remove(KnowledgeTenant tenant, String id) {
        Keys keys = keys(tenant);
        boolean removed = redis.hdel(keys.documents(), id) > 0;
        redis.del(keys.passages(id));
        redis.incr(keys.version());
        return removed;
    }

    @Override
    public void erase(KnowledgeTenant tenant) {
        Keys keys = keys(tenant);
        for (String id : redis.hkeys(keys.documents())) {
            redis.del(keys.passages(id));
        }
        redis.del(keys.documents(), keys.version(), keys.lastId());
    }

    private static Keys keys(KnowledgeTenant tenant) {
        return new Keys("ab:{tenant:" + tenant + "}:knowledge:");
    }

    private record Keys(String prefix) {
        String documents() {
            return prefix + "documents";
        }

        String passages(String documentId) {
            return prefix + "passages:" + documentId;
        }

        String version() {
            return prefix + "version";
        }

        String lastId() {
            return prefix + "last-id";
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write knowledge as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored knowledge is not readable as " + type.getSimpleName(), e);
        }
    }
}
