package io.railcast.server.creative;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where creatives' media files live and how large one may be.
 *
 * @param dir     the media directory, created when missing; files are named by their SHA-256, uploads in
 *                progress live in its {@code incoming/} subdirectory
 * @param maxSize the largest file accepted; larger uploads are refused with 413
 */
@ConfigurationProperties("railcast.media")
record MediaProperties(
        @DefaultValue("./data/media") Path dir,
        @DefaultValue("200MB") DataSize maxSize) {}
