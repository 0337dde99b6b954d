package com.architectbot.render;

import com.architectbot.core.Reply;
import java.util.List;

/**
 * One surface's renderer: a pure function from a reply to the messages that carry it, in the order they
 * are sent. Each message keeps within the surface's limits; a reply too long for one message is split
 * into several, never cut. {@code RendererContract} holds every implementation to that.
 *
 * @param <M> one message as the surface's client takes it (Markdown text, Block Kit blocks, a card)
 */
public interface Renderer<M> {

    /** The messages for the reply, at least one. */
    List<M> render(Reply reply);
}
