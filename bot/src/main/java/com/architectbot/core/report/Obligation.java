package com.architectbot.core.report;

/** What using a dependency under its licence requires of the company. */
public enum Obligation {
    ATTRIBUTION("attribution", "keep the copyright and licence notices (NOTICE file, about screen, third-party list)"),
    SOURCE_OFFER(
            "source-offer", "provide the source of the component (and your changes to it) to those you give it to"),
    NETWORK_SOURCE_DISCLOSURE(
            "network-source-disclosure",
            "offer the complete source, including your changes, to users who interact with it over a network"),
    SAME_LICENCE("same-licence", "the combined work you distribute must be licensed under the same terms"),
    FILE_LEVEL_COPYLEFT(
            "file-level-copyleft", "changes to the licensed files must be published under the same licence"),
    LINKING_CONDITIONS(
            "linking-conditions",
            "link dynamically (or ship object files) so users can replace the library; allow reverse engineering to debug it"),
    USE_RESTRICTIONS(
            "use-restrictions",
            "the licence restricts use (as a hosted service, commercially, in production or in competition): check it permits yours"),
    COMMERCIAL_TERMS("commercial-terms", "use needs a commercial agreement with the owner"),
    IDENTIFY_LICENCE(
            "identify-licence", "the licence is unknown: find it (LICENSE file, vendor) before relying on the package");

    private final String id;
    private final String description;

    Obligation(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** {@code source-offer}: the name in reports and JSON. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
