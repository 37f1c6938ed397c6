package io.github.dbtestkit.core.internal.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM that made something dbtestkit may leave behind when that JVM is killed (a cluster's folder, a database on an
 * external server): its host, its pid and the instant it started. A later JVM uses it to tell a dead owner from a live
 * one, and touches only what a dead owner <em>of its own host</em> left.
 *
 * <pre>{@code
 * String marker = ProcessOwner.current().marker(); // dbtestkit owner pid=4711 start=2025-01-02T03:04:05.06Z host=ci-7 pidns=4026531836
 * ProcessOwner.parse(marker).filter(ProcessOwner::isGone).ifPresent(owner -> reap());
 * }</pre>
 *
 * @param pid    the owner's process id
 * @param start  its start instant as {@link ProcessHandle.Info#startInstant()} gave it, {@code ?} when unknown: pids are
 *               reused, so a live process with the same pid but another start is not the owner
 * @param host   the host name, {@code ""} when unknown (in old owner files)
 * @param pidns  the pid namespace on Linux ({@code 4026531836}), so containers sharing a host name (or a mounted
 *               {@code /tmp}) do not mistake each other's pids for their own; {@code ""} elsewhere
 */
record ProcessOwner(long pid, String start, String host, String pidns) {

    static final String MARKER_PREFIX = "dbtestkit owner ";
    private static final String UNKNOWN = "?";
    private static final Pattern MARKER = Pattern.compile(
            Pattern.quote(MARKER_PREFIX) + "pid=(\\d+) start=(\\S+) host=(\\S*) pidns=(\\S*)");
    /** What owner files held before the host was recorded: {@code <pid> <start>}. */
    private static final Pattern LEGACY = Pattern.compile("(\\d+) (\\S+)");

    private static final ProcessOwner CURRENT = of(ProcessHandle.current());

    /** This JVM. */
    static ProcessOwner current() {
        return CURRENT;
    }

    /** {@code process}, on this host. */
    static ProcessOwner of(ProcessHandle process) {
        return new ProcessOwner(process.pid(), startOf(process), HostIdentity.NAME, HostIdentity.PID_NAMESPACE);
    }

    /** The one-line text stored in an owner file or a database comment. */
    String marker() {
        return MARKER_PREFIX + "pid=" + pid + " start=" + start + " host=" + host + " pidns=" + pidns;
    }

    /**
     * What a killed JVM of this host left on a server: the names, and their owners, that {@code query} finds (name and
     * comment, with one parameter for the marker pattern) whose owner no longer runs. Names that are not valid database
     * names are left out, so that they are never spliced into a statement.
     */
    static java.util.Map<String, ProcessOwner> leftByTheDead(java.sql.Connection connection, String query)
            throws java.sql.SQLException {
        java.util.Map<String, ProcessOwner> gone = new java.util.LinkedHashMap<>();
        try (java.sql.PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, MARKER_PREFIX + "%");
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    parse(rs.getString(2)).filter(ProcessOwner::isGone).filter(owner -> DatabaseNames.isValid(name))
                            .ifPresent(owner -> gone.put(name, owner));
                }
            }
        }
        return gone;
    }

    /** The owner a marker names; empty when the text is not a marker (a database someone else commented). */
    static Optional<ProcessOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        Matcher matcher = MARKER.matcher(trimmed);
        if (matcher.matches()) {
            return Optional.of(new ProcessOwner(Long.parseLong(matcher.group(1)), matcher.group(2), matcher.group(3), matcher.group(4)));
        }
        Matcher legacy = LEGACY.matcher(trimmed);
        if (legacy.matches()) {
            return Optional.of(new ProcessOwner(Long.parseLong(legacy.group(1)), legacy.group(2), "", ""));
        }
        return Optional.empty();
    }

    /** Whether the owner ran on this host (and in this pid namespace), so that its pid means something here. */
    boolean onThisHost() {
        ProcessOwner here = current();
        // An old owner file names no host: it sits in this machine's temporary folder, so count it as ours.
        return (host.isEmpty() || host.equals(here.host)) && (pidns.isEmpty() || pidns.equals(here.pidns));
    }

    /**
     * Whether the owner certainly ended: it ran on this host, and no process with its pid runs, or one runs that
     * started at another instant (the pid was reused). When in doubt (another host, a start instant that cannot be
     * read) the owner counts as alive, so that nothing of a live run is ever removed.
     */
    boolean isGone() {
        if (!onThisHost()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        String now = startOf(process.get());
        return !UNKNOWN.equals(start) && !UNKNOWN.equals(now) && !now.equals(start);
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse(UNKNOWN);
    }

    /** This machine's name and pid namespace, read once without a DNS lookup (which can hang on CI machines). */
    private static final class HostIdentity {
        static final String NAME = sanitize(hostName());
        static final String PID_NAMESPACE = pidNamespace();

        private static String hostName() {
            String fromKernel = read(Path.of("/proc/sys/kernel/hostname"));
            if (!fromKernel.isEmpty()) {
                return fromKernel;
            }
            for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "unknown";
            }
        }

        private static String pidNamespace() {
            try {
                // "pid:[4026531836]" on Linux; the link does not exist elsewhere
                String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
                return link.replaceAll("[^0-9]", "");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return "";
            }
        }

        private static String read(Path file) {
            try {
                return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
            } catch (IOException e) {
                return "";
            }
        }

        private static String sanitize(String name) {
            // one token in the marker, and nothing that needs quoting in SQL
            return name.replaceAll("[^A-Za-z0-9._-]", "_");
        }
    }
}
