package com.architectbot.licence;

/** Where declared licences come from: package registries, through a cache. */
public interface LicenceRegistry {

    /** Never throws for a registry that is away or a package it does not know: that is a result. */
    Lookup lookup(PackageRef pkg);

    /** The answer for one package. */
    sealed interface Lookup {
        record Found(DeclaredLicence licence) implements Lookup {}

        /** The registry could not say; {@code reason} is shown in the report ("npm registry timed out"). */
        record Unknown(String reason) implements Lookup {}
    }
}
