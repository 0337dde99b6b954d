package com.architectbot.teams;

import java.util.Optional;

/**
 * Files waiting for the user to accept Teams' file consent card: an export, or a licence check's files (each kept
 * on its own, under its own id, as an export is). Teams asks the user first and only
 * then hands the bot an upload URL, in a later request that may reach another replica: the file's content
 * has to wait somewhere shared, briefly, under an id the card carries instead of the content.
 */
public interface PendingExports {

    /** Keeps the export for this user for a short while; returns the id to put in the consent card. */
    String keep(Pending export);

    /** The export kept under this id, if it has not expired. */
    Optional<Pending> find(String id);

    /** Forgets the export (sent, declined, or abandoned). */
    void drop(String id);

    /**
     * An export waiting for consent.
     *
     * @param tenant the Teams tenant it was asked in, so erasing the tenant erases it
     * @param user the Teams user id it belongs to: only they may accept it
     */
    record Pending(String tenant, String user, String fileName, String json) {
        public Pending {
            java.util.Objects.requireNonNull(tenant, "tenant");
            java.util.Objects.requireNonNull(user, "user");
            java.util.Objects.requireNonNull(fileName, "fileName");
            java.util.Objects.requireNonNull(json, "json");
        }

        @Override
        public String toString() {
            return "Pending[" + fileName + ", " + json.length() + " chars]"; // the file holds conversations
        }
    }
}
