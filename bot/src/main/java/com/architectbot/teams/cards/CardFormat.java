package com.architectbot.teams.cards;

/** The Adaptive Card format the bot writes: its schema, version and size per card. */
public final class CardFormat {

    public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    public static final String VERSION = "1.5";
    /** The card's share of Teams' ~28 KB message limit; the activity around it gets the rest. */
    public static final int MAX_CARD_BYTES = 24_000;

    private CardFormat() {}
}
