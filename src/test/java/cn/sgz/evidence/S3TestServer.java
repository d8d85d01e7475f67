package cn.sgz.evidence;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real S3 server for the tests: S3Proxy (org.gaul:s3proxy from Maven Central, copied to target/s3proxy/s3proxy.jar
 * by the build) in a JVM of its own, on a free loopback port, storing objects in a temporary directory. Started once
 * per test JVM and stopped with it. When it truly cannot start (no jar, no Java, no port), the test is skipped with
 * the reason and the server's last output; anything else fails the test as usual.
 */
public final class S3TestServer {

    public static final String ACCESS_KEY = "sgz-test-access";
    public static final String SECRET_KEY = "sgz-test-secret-key";

    private static S3TestServer running;
    private static String unavailable;

    private final Process process;
    private final int port;
    private final Path dir;

    private S3TestServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The one server of this JVM, started on first use; skips the calling test if S3Proxy cannot start. */
    public static synchronized S3TestServer get() {
        if (running == null && unavailable == null) {
            try {
                running = start();
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        Assumptions.assumeTrue(running != null, () -> "S3Proxy 无法启动，跳过对象存储测试：" + unavailable);
        return running;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dir;
    }

    private static S3TestServer start() throws Exception {
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " 不存在（由 maven-dependency-plugin 在 generate-test-resources 阶段复制）");
        }
        Path dir = Files.createTempDirectory(Path.of("target"), "s3proxy-").toAbsolutePath();
        Path data = Files.createDirectories(dir.resolve("data"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path props = dir.resolve("s3proxy.properties");
        Files.writeString(
                props,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + data,
                        ""),
                StandardCharsets.UTF_8);
        Path log = dir.resolve("s3proxy.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java,
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        props.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("S3Proxy 进程退出（" + p.exitValue() + "）：" + tail(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection)
                        URI.create("http://127.0.0.1:" + port + "/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                int code = c.getResponseCode(); // 403 without credentials: it answers
                c.disconnect();
                if (code > 0) {
                    return new S3TestServer(p, port, data);
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        p.destroy();
        throw new IllegalStateException("S3Proxy 30 秒内未开始监听：" + tail(log));
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 1500 ? s.substring(s.length() - 1500) : s;
        } catch (IOException e) {
            return "(无输出)";
        }
    }

    boolean alive() {
        return process.isAlive();
    }
}
