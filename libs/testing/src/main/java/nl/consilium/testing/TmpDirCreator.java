package nl.consilium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates {@code java.io.tmpdir} when a JUnit session opens. The build points it at
 * {@code target/tmp}, which does not exist in a fresh checkout, and Quarkus writes temporary files
 * there while it builds the application under test, during test discovery: long before any test
 * resource runs. Registered in {@code META-INF/services}.
 */
public final class TmpDirCreator implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create java.io.tmpdir", e);
        }
    }
}
