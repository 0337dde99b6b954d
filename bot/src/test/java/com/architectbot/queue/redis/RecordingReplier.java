package com.architectbot.queue.redis;

import com.architectbot.core.Reply;
import com.architectbot.core.ReplyTarget;
import com.architectbot.queue.Replier;
import com.architectbot.queue.ReplyParts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A replier that records what it was asked to deliver, standing in for a channel. */
final class RecordingReplier implements Replier {

    record Delivered(ReplyTarget target, Reply reply) {}

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(ReplyTarget target, Reply reply, ReplyParts parts) {
        delivered.add(new Delivered(target, reply));
    }

    List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    List<Reply> replies() {
        return delivered.stream().map(Delivered::reply).toList();
    }
}
