package com.architectbot.licence.manifest;

import com.architectbot.licence.CheckInput;
import com.architectbot.licence.DependencyResolver.Resolution;
import com.architectbot.licence.DependencyResolver.ResolveOptions;

/** Reads one kind of manifest into its dependency tree. */
interface ManifestReader {

    /**
     * @throws com.architectbot.core.PermanentFailure when the file is malformed
     */
    Resolution read(CheckInput.Manifest manifest, ResolveOptions options);
}
