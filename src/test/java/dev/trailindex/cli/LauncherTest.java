package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./trailindex launcher's JDK discovery (it never builds or runs Java here). */
class LauncherTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out) {
    }

    private Result launch(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "trailindex", "--version").redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().put("TRAILINDEX_LAUNCHER_DRY_RUN", "1");
        pb.environment().put("PATH", tmp.toString() + ":/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    /** A fake JDK whose java reports the given version. */
    private Path fakeJdk(String name, int version) throws Exception {
        Path bin = tmp.resolve("jvm").resolve(name).resolve("bin");
        Files.createDirectories(bin);
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        java.toFile().setExecutable(true);
        return bin.getParent();
    }

    @Test
    void saysClearlyWhenNoJdk21IsFound() throws Exception {
        fakeJdk("jdk-17", 17);
        Result r = launch(Map.of("TRAILINDEX_JVM_DIR", tmp.resolve("jvm").toString(), "PATH", "/nonexistent:/bin"));
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("no JDK 21 or newer found"), r.out());
    }

    @Test
    void picksTheNewestJdkUnderTheJvmFolderAndPrefersJavaHome() throws Exception {
        fakeJdk("jdk-17", 17);
        Path jdk21 = fakeJdk("jdk-21", 21);
        Path jdk25 = fakeJdk("jdk-25", 25);
        Map<String, String> env = Map.of("TRAILINDEX_JVM_DIR", tmp.resolve("jvm").toString(), "PATH", "/nonexistent:/bin:/usr/bin");
        Result newest = launch(env);
        assertEquals(0, newest.code(), newest.out());
        assertEquals(jdk25.toString(), newest.out().strip());
        Result home = launch(Map.of("TRAILINDEX_JVM_DIR", tmp.resolve("jvm").toString(), "JAVA_HOME", jdk21.toString()));
        assertEquals(jdk21.toString(), home.out().strip());
    }
}
