package com.architectbot.queue;

import com.architectbot.core.InquiryId;

/** Reply parts for tests that deliver a reply outside any queued job: nothing is recorded beyond the call. */
public final class TestReplyParts {

    private TestReplyParts() {}

    public static ReplyParts unrecorded() {
        return ReplyParts.unrecorded(new InquiryId("unqueued"), "reply");
    }
}
