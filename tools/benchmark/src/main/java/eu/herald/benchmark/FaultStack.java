package eu.herald.benchmark;

import eu.herald.local.ServiceInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The benchmark's stack with several instances of notifications and subscriptions, each named by its label
 * ({@code notifications}, {@code notifications-2}, …): the host name its notifier reports and the client id of its
 * consumers, by which the suite tells whose partitions are whose.
 */
final class FaultStack implements AutoCloseable {

    static final String DISPATCH_GROUP = "notifications-dispatch";
    static final String MATCHER_GROUP = "subscriptions-matcher";

    private final BenchmarkStack stack;
    private final List<ServiceInstance> notifiers;
    private final List<ServiceInstance> subscriptions;
    /** One client for every look at the groups, polled often; it reconnects after the broker comes back. */
    private final Admin admin;

    private FaultStack(BenchmarkStack stack, List<ServiceInstance> notifiers, List<ServiceInstance> subscriptions) {
        this.stack = stack;
        this.notifiers = notifiers;
        this.subscriptions = subscriptions;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000));
    }

    /**
     * Starts Herald with the options' instances, of which {@code runningNotifiers} notifications instances are
     * started (the others only prepared, for a scale-out).
     */
    static FaultStack start(FaultOptions options, Path home, int runningNotifiers) {
        String schedule = options.retrySchedule().stream()
                .map(wait -> wait.toSeconds() + "s")
                .collect(Collectors.joining(","));
        Map<String, Object> properties = new LinkedHashMap<>();
        // email and web push use the delivery schedule; webhooks have their own (Standard Webhooks' 5 s, 5 min, …)
        properties.put("herald.notifications.delivery.retry-schedule", schedule);
        properties.put("herald.notifications.webhooks.retry-schedule", schedule);
        BenchmarkStack stack = BenchmarkStack.start(options.stackOptions(), Scenario.MIXED, home, properties);
        try {
            List<ServiceInstance> notifiers = instances(stack, options, "notifications", options.notifiers());
            List<ServiceInstance> subscriptions = instances(stack, options, "subscriptions", options.subscriptions());
            List<ServiceInstance> starting = new ArrayList<>(subscriptions.subList(1, subscriptions.size()));
            starting.addAll(notifiers.subList(1, runningNotifiers));
            starting.forEach(ServiceInstance::launch);
            starting.forEach(ServiceInstance::awaitReady);
            return new FaultStack(stack, notifiers, subscriptions);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The stack's own instance of the service, then more, named {@code <service>-2} and so on. */
    private static List<ServiceInstance> instances(
            BenchmarkStack stack, FaultOptions options, String service, int count) {
        List<ServiceInstance> instances = new ArrayList<>();
        instances.add(stack.herald().instance(service));
        for (int i = 2; i <= count; i++) {
            String label = service + "-" + i;
            List<String> jvm = new ArrayList<>(options.serviceJvmOptions());
            jvm.add(GcLog.option(stack.herald().settings().logs().resolve(label + "-gc.log")));
            instances.add(stack.herald()
                    .newInstance(service, label, freePort(), jvm, BenchmarkStack.labelled(stack.environment(), label)));
        }
        return instances;
    }

    BenchmarkStack stack() {
        return stack;
    }

    List<ServiceInstance> notifiers() {
        return notifiers;
    }

    List<ServiceInstance> subscriptions() {
        return subscriptions;
    }

    /** Starts the instance again in the background after a process was killed; the run goes on meanwhile. */
    static CompletableFuture<Void> restart(ServiceInstance instance) {
        return CompletableFuture.runAsync(instance::start);
    }

    /** A member of a consumer group: the instance it belongs to, its member id and its partitions. */
    record Member(String label, String id, Set<TopicPartition> partitions) {}

    /**
     * The group's members as its coordinator has them now: a dead instance's members stay, with their partitions,
     * until their session times out. Empty while the broker cannot tell (it is down, or the group is rebalancing).
     */
    List<Member> members(String group) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(10, TimeUnit.SECONDS);
            List<Member> members = new ArrayList<>();
            for (MemberDescription member : description.members()) {
                members.add(new Member(
                        labelOf(member.clientId()),
                        member.consumerId(),
                        Set.copyOf(member.assignment().topicPartitions())));
            }
            return members;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
    }

    /** How many notifiers hold partitions of the requests now. */
    long holdingPartitions() {
        return members(DISPATCH_GROUP).stream()
                .filter(member -> !member.partitions().isEmpty())
                .map(Member::label)
                .distinct()
                .count();
    }

    /** The member ids of an instance in a group. */
    Set<String> memberIds(String group, String label) {
        return members(group).stream()
                .filter(member -> member.label().equals(label))
                .map(Member::id)
                .collect(Collectors.toSet());
    }

    /** Whether any of the members is still in the group; true while the broker cannot tell. */
    boolean anyOf(String group, Set<String> ids) {
        List<Member> now = members(group);
        return now.isEmpty() || now.stream().anyMatch(member -> ids.contains(member.id()));
    }

    /** The unfinished deliveries a notifier still holds, or -1 while the database cannot tell. */
    long heldBy(String notifier) {
        try {
            return FaultLedger.held(notifications(), notifier);
        } catch (IllegalStateException unavailable) {
            return -1;
        }
    }

    /** notifications' database. */
    String notifications() {
        return stack.jdbcUrl("notifications");
    }

    /** The instance of a consumer's client id: its label, before {@code .consumer-0}. */
    static String labelOf(String clientId) {
        int end = clientId.lastIndexOf(BenchmarkStack.CLIENT_SUFFIX);
        return end < 0 ? clientId : clientId.substring(0, end);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    @Override
    public void close() {
        try {
            admin.close(java.time.Duration.ofSeconds(5));
        } finally {
            stack.close();
        }
    }
}
