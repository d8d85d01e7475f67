package cn.sgz.evidence;

import java.io.InputStream;

/**
 * One upload. The caller (the owner's module) has already checked that the current user may change
 * the owner; {@code orgPath} is the owner's org path and scopes every later read and download.
 *
 * @param uploadKey client-chosen id of this upload (e.g. a UUID made when the photo was taken): a
 *                  retry with the same key returns the photo stored the first time. Without a key,
 *                  the same bytes uploaded again to the same owner are also recognised.
 * @param declaredSize size announced by the client (Content-Length or multipart size), checked
 *                     before anything is read; -1 when unknown
 * @param device time and position from the phone (watermark camera); null for gallery files
 * @param stationName printed on the watermark together with the time and place
 * @param placeName printed on the watermark (address or place of the service); may be null
 */
public record PhotoUpload(
        String ownerType,
        long ownerId,
        String orgPath,
        PhotoPurpose purpose,
        PhotoSource source,
        String uploadKey,
        String originalName,
        long declaredSize,
        InputStream content,
        DeviceCapture device,
        String stationName,
        String placeName) {}
