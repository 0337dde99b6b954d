package com.architectbot.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The jobs this process runs, each on a virtual thread of its own, and the free slots for more: at most
 * {@code concurrency} at a time. The semaphore's permits are the free slots, so a slot is taken before a job
 * is fetched and given back when the job ends (or when fewer jobs came than slots were taken).
 */
final class JobSlots {

    private final int concurrency;
    private final Semaphore free;
    /** The jobs running now, by the thread running each: the ones the heartbeat keeps alive. */
    private final Map<Thread, Delivery> inFlight = new ConcurrentHashMap<>();

    JobSlots(int concurrency) {
        this.concurrency = concurrency;
        this.free = new Semaphore(concurrency);
    }

    /**
     * Waits for a free slot and takes all that are free then; 0 once {@code wanted} says no more are. Asks
     * {@code wanted} every {@code poll}, so a stop is noticed that soon.
     */
    int take(BooleanSupplier wanted, Duration poll) throws InterruptedException {
        while (wanted.getAsBoolean()) {
            if (free.tryAcquire(poll.toNanos(), TimeUnit.NANOSECONDS)) {
                return 1 + free.drainPermits();
            }
        }
        return 0;
    }

    /** Gives back slots taken but not used. */
    void giveBack(int slots) {
        free.release(slots);
    }

    /** Runs a job in a slot taken before, on a thread named {@code name}; the slot is free again when it ends. */
    void run(String name, Delivery delivery, Consumer<Delivery> job) {
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                job.accept(delivery);
            } finally {
                inFlight.remove(Thread.currentThread());
                free.release();
            }
        });
        inFlight.put(thread, delivery);
        thread.start();
    }

    /** The jobs running now. */
    List<Delivery> held() {
        return List.copyOf(inFlight.values());
    }

    /** Interrupts the jobs among {@code taken} that run here, so they do nothing more here. */
    void interrupt(List<Delivery> taken) {
        inFlight.forEach((thread, delivery) -> {
            if (taken.contains(delivery)) {
                thread.interrupt();
            }
        });
    }

    /** Waits up to {@code wait} for every slot to be free; returns whether they all are. */
    boolean awaitAllFree(Duration wait) throws InterruptedException {
        if (!free.tryAcquire(concurrency, wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        free.release(concurrency);
        return true;
    }

    /** Interrupts every job still running, and returns how many there were. */
    int interruptAll() {
        List<Thread> unfinished = new ArrayList<>(inFlight.keySet());
        unfinished.forEach(Thread::interrupt);
        return unfinished.size();
    }
}
