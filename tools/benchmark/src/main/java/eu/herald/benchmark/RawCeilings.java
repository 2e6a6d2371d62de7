package eu.herald.benchmark;

import eu.herald.benchmark.report.Results.Rate;
import eu.herald.benchmark.sink.Receipts;
import eu.herald.benchmark.sink.WebhookSignatures;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * What the same broker and sinks do for a bare client on this machine, right after Herald's run:
 * the rates Herald's are compared with. Each sends N items and is timed from its first send (its client
 * created and connected) to the last item received.
 */
final class RawCeilings {

    private RawCeilings() {}

    /**
     * N records of Herald's request sizes (real requests of the run, round robin) produced with the
     * matcher's producer settings (zstd, 256 KB batches, 20 ms linger, acks=all) to a new topic with the
     * request topic's partition count, and consumed read-committed, as the matcher's rate is observed.
     */
    static Rate kafka(String bootstrap, int partitions, List<byte[]> values, int count) {
        String topic = "benchmark.ceiling-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            awaitLeading(admin, topic, partitions);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + topic, e);
        }
        AtomicLong lastConsumed = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch consumed = new CountDownLatch(1);
        Thread consumer = new Thread(() -> consume(bootstrap, topic, partitions, count, lastConsumed, ready, consumed));
        consumer.setDaemon(true);
        consumer.start();
        long started;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "zstd",
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            // timed from here, as the matcher's rate is timed with its producer and the watch's consumer long
            // created: a new client first fetches metadata (and the producer its id), which the matcher did at its
            // start
            producer.partitionsFor(topic);
            if (!ready.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the Kafka ceiling's consumer did not reach its partitions");
            }
            started = Receipts.nowMicros();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), values.get(i % values.size())));
            }
            producer.flush();
            if (!consumed.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the Kafka ceiling did not read back its " + count + " records");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return rate(count, started, lastConsumed.get());
    }

    /**
     * Waits until the broker answers for every partition of the new topic. Produced to at once, a partition the
     * broker has not loaded yet refuses the first request while it accepts the next, and the idempotent producer
     * then retries the first with out-of-order sequence numbers until its delivery timeout (KAFKA-15591): one run
     * hung there.
     */
    private static void awaitLeading(Admin admin, String topic, int partitions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> all = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            all.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.listOffsets(all).all().get(5, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the partitions of " + topic + " never got a leader", notYet);
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    private static void consume(
            String bootstrap,
            String topic,
            int partitions,
            int count,
            AtomicLong last,
            CountDownLatch ready,
            CountDownLatch done) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                assigned.add(new TopicPartition(topic, partition));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            // position() resolves the offsets now: the first poll then only fetches
            assigned.forEach(consumer::position);
            ready.countDown();
            int seen = 0;
            while (seen < count) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
                last.set(Receipts.nowMicros());
            }
            done.countDown();
        }
    }

    /**
     * N messages through {@code connections} reused Jakarta Mail (Angus) connections, as many as the
     * notifications service keeps, each a multipart/alternative of the size Herald's emails had.
     */
    static Rate smtp(int port, int connections, int count, long messageBytes, Receipts sink) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        String filler = "x".repeat((int) Math.max(100, messageBytes / 2 - 400));
        int before = sink.count();
        long started = Receipts.nowMicros();
        inParallel(connections, worker -> () -> {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = worker; i < count; i += connections) {
                    MimeMessage message = new CeilingMessage(session, "ceiling-" + i);
                    message.setFrom(new InternetAddress("ceiling@benchmark.example"));
                    InternetAddress to = new InternetAddress("gmina" + i + "@benchmark.example");
                    message.setRecipient(Message.RecipientType.TO, to);
                    message.setSubject("Raw ceiling " + i, "UTF-8");
                    MimeMultipart alternative = new MimeMultipart("alternative");
                    MimeBodyPart text = new MimeBodyPart();
                    text.setText(filler, "UTF-8");
                    MimeBodyPart html = new MimeBodyPart();
                    html.setContent("<p>" + filler + "</p>", "text/html; charset=UTF-8");
                    alternative.addBodyPart(text);
                    alternative.addBodyPart(html);
                    message.setContent(alternative);
                    message.saveChanges();
                    transport.sendMessage(message, new InternetAddress[] {to});
                }
            }
            return null;
        });
        return awaitReceipts(sink, before, count, started);
    }

    /**
     * N signed POSTs from the JDK's HttpClient with {@code concurrency} requests in flight; to https URLs trusting
     * what {@code tls} trusts (null: the JVM's trust store), as notifications does.
     */
    static Rate webhooks(
            IntFunction<URI> endpointUrls,
            IntFunction<String> endpointIds,
            String masterKey,
            int concurrency,
            int count,
            byte[] body,
            Receipts sink,
            @Nullable SSLContext tls) {
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            client.sslContext(tls);
        }
        HttpClient http = client.build();
        WebhookSignatures signatures = new WebhookSignatures(masterKey);
        int before = sink.count();
        AtomicInteger failures = new AtomicInteger();
        long started = Receipts.nowMicros();
        inParallel(concurrency, worker -> () -> {
            for (int i = worker; i < count; i += concurrency) {
                String id = "ceiling-" + i;
                String timestamp = Long.toString(System.currentTimeMillis() / 1000);
                byte[] key = signatures.endpointKey(endpointIds.apply(i));
                HttpRequest request = HttpRequest.newBuilder(endpointUrls.apply(i))
                        .header("Content-Type", "application/json")
                        .header("webhook-id", id)
                        .header("webhook-timestamp", timestamp)
                        .header("webhook-signature", WebhookSignatures.sign(key, id, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
                HttpResponse<Void> response = sendRetryingStaleConnections(http, request);
                if (response.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                }
            }
            return null;
        });
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " ceiling webhooks were refused by the sink");
        }
        return awaitReceipts(sink, before, count, started);
    }

    /**
     * The sink may close a kept-alive connection just as the client reuses it ("header parser received no
     * bytes"): like any HTTP client, the ceiling sends such a request again on a new connection. The sink had
     * not answered it, so it rarely got it; if it did, the ceiling ends one arrival early, well inside its error.
     */
    private static HttpResponse<Void> sendRetryingStaleConnections(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static Rate awaitReceipts(Receipts sink, int before, int count, long started) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (sink.count() - before < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the sink received " + (sink.count() - before) + " of the ceiling's " + count);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<Receipts.Receipt> received = sink.from(before);
        return rate(count, started, received.get(received.size() - 1).receivedAtMicros());
    }

    /** A task per worker, each throwing what it may: the first failure fails the ceiling. */
    interface Work {
        Object call() throws MessagingException, IOException, InterruptedException;
    }

    private static void inParallel(int workers, IntFunction<Work> work) {
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                Work task = work.apply(worker);
                running.add(threads.submit(task::call));
            }
            for (Future<Object> done : running) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a raw ceiling client failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    static Rate rate(long count, long fromMicros, long toMicros) {
        double seconds = Math.max(1, toMicros - fromMicros) / 1e6;
        return new Rate(count, Math.round(seconds * 1000) / 1000.0, Math.round(count / seconds * 10) / 10.0);
    }

    /** A message whose Message-ID is chosen, as Herald's are: {@code saveChanges()} keeps it. */
    private static final class CeilingMessage extends MimeMessage {

        private final String id;

        CeilingMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + "@benchmark>");
        }
    }
}
