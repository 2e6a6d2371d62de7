package eu.herald.notifications.delivery.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** A record of a consumed topic that is not a message this service can act on; it goes to the dead letters. */
public class UnreadableRequest extends RuntimeException {

    public UnreadableRequest(String reason) {
        super(reason);
    }

    /** Why a record reached a listener without a value: the deserializer's failure, carried in its headers. */
    public static Exception reason(ConsumerRecord<?, ?> record, LogAccessor log) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
        return failure != null ? failure : new UnreadableRequest("the record has no value");
    }
}
