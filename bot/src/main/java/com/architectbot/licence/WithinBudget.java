package com.architectbot.licence;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks for every key at the same time on virtual threads, at most {@code atOnce} running, and waits for all of
 * them within one time budget. A key whose answer is late, failed or missing gets what its caller says for that
 * {@link Miss}: one slow registry never holds a whole check, and never fails it.
 */
public final class WithinBudget {

    /** Why a key has no answer. */
    public sealed interface Miss {
        record Late() implements Miss {}

        record Failed(Throwable cause) implements Miss {}

        record Interrupted() implements Miss {}

        record NoAnswer() implements Miss {}
    }

    private static final Logger LOG = LoggerFactory.getLogger(WithinBudget.class);

    private WithinBudget() {}

    /** Each distinct key's answer, in the keys' order. Answers still running when the budget is spent are abandoned. */
    public static <K, V> Map<K, V> askAll(
            Collection<K> keys, Function<K, V> ask, int atOnce, Duration budget, Function<Miss, V> onMiss) {
        Map<K, Future<V>> pending = new LinkedHashMap<>();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore slots = new Semaphore(atOnce);
        try {
            keys.forEach(key -> pending.computeIfAbsent(key, k -> executor.submit(() -> askInSlot(k, ask, slots))));
            long deadline = System.nanoTime() + budget.toNanos();
            Map<K, V> answers = new LinkedHashMap<>();
            pending.forEach((key, future) -> answers.put(key, await(key, future, deadline, onMiss)));
            return answers;
        } finally {
            executor.shutdownNow();
        }
    }

    private static <K, V> V askInSlot(K key, Function<K, V> ask, Semaphore slots) throws InterruptedException {
        slots.acquire();
        try {
            return ask.apply(key);
        } finally {
            slots.release();
        }
    }

    private static <K, V> V await(K key, Future<V> future, long deadline, Function<Miss, V> onMiss) {
        try {
            V answer = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return answer != null ? answer : onMiss.apply(new Miss.NoAnswer());
        } catch (TimeoutException e) {
            future.cancel(true);
            return onMiss.apply(new Miss.Late());
        } catch (ExecutionException e) {
            LOG.warn("asking for {} failed", key, e.getCause());
            return onMiss.apply(new Miss.Failed(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return onMiss.apply(new Miss.Interrupted());
        }
    }
}
