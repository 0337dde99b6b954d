package com.architectbot.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens something (the bot, or the licence check alone) when a command first needs it, so that {@code --help}
 * or bad input reads no configuration and starts no Redis, and closes it when the command is done, stopping an
 * embedded Redis this process started.
 */
final class OnDemand<T> implements Supplier<T>, AutoCloseable {

    private final Supplier<T> opener;
    private final Consumer<T> closer;
    private T opened;

    OnDemand(Supplier<T> opener, Consumer<T> closer) {
        this.opener = opener;
        this.closer = closer;
    }

    @Override
    public synchronized T get() {
        if (opened == null) {
            opened = opener.get();
        }
        return opened;
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            T closing = opened;
            opened = null;
            closer.accept(closing);
        }
    }
}
