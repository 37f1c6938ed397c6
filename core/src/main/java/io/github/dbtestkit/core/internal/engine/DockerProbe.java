package io.github.dbtestkit.core.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Tells quickly whether a Docker engine answers, before Testcontainers is asked (its own discovery can take many
 * seconds when there is none). It looks where Docker clients look: {@code DOCKER_HOST}, {@code docker.host} in
 * {@code ~/.testcontainers.properties}, then the usual sockets of Docker, Docker Desktop, Colima, Rancher Desktop and
 * Podman. A Unix socket answers or refuses at once; a TCP host gets one second.
 *
 * @param environment the environment, for {@code DOCKER_HOST} and {@code XDG_RUNTIME_DIR}
 * @param home        the user's home folder
 */
record DockerProbe(Map<String, String> environment, Path home) {

    private static final int TCP_TIMEOUT_MILLIS = 1000;

    static DockerProbe current() {
        return new DockerProbe(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Whether one of the {@link #locations()} accepts a connection. */
    boolean answers() {
        for (String location : locations()) {
            if (accepts(location)) {
                return true;
            }
        }
        return false;
    }

    /** Where a Docker engine is looked for, as {@code unix://} or {@code tcp://} addresses. */
    List<String> locations() {
        List<String> locations = new ArrayList<>();
        Optional.ofNullable(environment.get("DOCKER_HOST")).filter(s -> !s.isBlank()).ifPresent(locations::add);
        testcontainersProperty().ifPresent(locations::add);
        if (!locations.isEmpty()) {
            return locations;
        }
        locations.add("unix:///var/run/docker.sock");
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            locations.add("unix://" + Path.of(runtimeDir, "docker.sock"));
            locations.add("unix://" + Path.of(runtimeDir, "podman", "podman.sock"));
        }
        for (String relative : List.of(".docker/run/docker.sock", ".docker/desktop/docker.sock", ".colima/default/docker.sock",
                ".colima/docker.sock", ".rd/docker.sock")) {
            locations.add("unix://" + home.resolve(relative));
        }
        return locations;
    }

    private Optional<String> testcontainersProperty() {
        Path file = home.resolve(".testcontainers.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty("docker.host")).filter(s -> !s.isBlank());
    }

    private static boolean accepts(String location) {
        try {
            if (location.startsWith("unix://")) {
                Path socket = Path.of(location.substring("unix://".length()));
                if (!Files.exists(socket)) {
                    return false;
                }
                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    return channel.isConnected();
                }
            }
            if (location.startsWith("tcp://")) {
                URI uri = URI.create(location);
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()), TCP_TIMEOUT_MILLIS);
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
