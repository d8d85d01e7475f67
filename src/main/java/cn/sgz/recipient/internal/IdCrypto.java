package cn.sgz.recipient.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of ID numbers at rest. A 256-bit master key comes from {@code sgz.crypto.key} (base64);
 * without it one is generated once under {@code ${sgz.data-dir}/keys/recipient.key} and reused (fine
 * for a single demo instance; several instances must share the configured key, and with the S3 file store —
 * the multi-instance setup — none is made up: the key or its file must be there). Two keys are derived
 * from it: one for AES-256-GCM (random 96-bit nonce per value), one for HMAC-SHA256 look-ups.
 */
@Component
public class IdCrypto {

    private static final Logger log = LoggerFactory.getLogger(IdCrypto.class);
    private static final byte FORMAT_V1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec aesKey;
    private final SecretKeySpec macKey;
    private final SecureRandom random = new SecureRandom();
    /** Mac and Cipher instances are not thread-safe and costly to look up: one per thread. */
    private final ThreadLocal<Mac> macs;

    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM 不可用", e);
        }
    });

    IdCrypto(
            @Value("${sgz.crypto.key:}") String configuredKey,
            @Value("${sgz.data-dir:./data}") String dataDir,
            @Value("${sgz.files.store:local}") String fileStore) {
        if (configuredKey.isBlank()
                && "s3".equalsIgnoreCase(fileStore.strip())
                && !Files.exists(Path.of(dataDir, "keys", "recipient.key"))) {
            // several instances share one database: a key made up here would encrypt what the others cannot read
            throw new IllegalStateException("使用对象存储（多实例）时，须为所有实例配置同一个身份证号加密密钥 sgz.crypto.key"
                    + "（SGZ_CRYPTO_KEY，base64，见 docs/deployment.md），或放入同一个密钥文件 "
                    + Path.of(dataDir, "keys", "recipient.key"));
        }
        byte[] master = configuredKey.isBlank()
                ? keyFromFile(Path.of(dataDir, "keys", "recipient.key"))
                : Base64.getDecoder().decode(configuredKey.strip());
        if (master.length < 32) {
            throw new IllegalStateException("sgz.crypto.key 须为至少32字节的 base64 密钥");
        }
        this.aesKey = new SecretKeySpec(derive(master, "sgz/recipient/id-number/aes-gcm"), "AES");
        this.macKey = new SecretKeySpec(derive(master, "sgz/recipient/id-number/hmac"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(macKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC 初始化失败", e);
            }
        });
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get(); // a fresh random nonce on every init, so reuse is safe
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {FORMAT_V1});
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(FORMAT_V1)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("加密失败", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE_BYTES || stored[0] != FORMAT_V1) {
            throw new IllegalStateException("无法识别的密文格式");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(new byte[] {FORMAT_V1});
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("解密失败：密钥与数据不匹配", e);
        }
    }

    /** Format byte of sealed files (uploaded import lists); never the first byte of an xlsx (PK) or a CSV. */
    static final byte FORMAT_FILE = 2;

    /** Seals a whole file (an uploaded import list, full of ID numbers) with the same key, its own format byte. */
    public byte[] encryptFile(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {FORMAT_FILE});
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(FORMAT_FILE)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("加密失败", e);
        }
    }

    /** Opens a file sealed by encryptFile; content stored before files were sealed comes back as it is. */
    public byte[] decryptFile(byte[] stored) {
        if (stored == null || stored.length < 1 + NONCE_BYTES || stored[0] != FORMAT_FILE) {
            return stored;
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(new byte[] {FORMAT_FILE});
            return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("解密失败：密钥与数据不匹配", e);
        }
    }

    /** Keyed hash of the normalized ID number, hex: equal numbers give equal hashes. */
    public String hmac(String normalized) {
        return HexFormat.of().formatHex(macs.get().doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.writeString(
                            file,
                            Base64.getEncoder().encodeToString(fresh) + "\n",
                            java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system
                    }
                    log.warn("未配置 sgz.crypto.key，已生成身份证号加密密钥 {}：请妥善备份，丢失后已加密的身份证号无法恢复", file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first; use theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或创建密钥文件 " + file, e);
        }
    }
}
