package cn.sgz.evidence;

/** A photo file ready to send: bytes, type and a download name. */
public record StoredFile(byte[] bytes, String contentType, String filename) {}
