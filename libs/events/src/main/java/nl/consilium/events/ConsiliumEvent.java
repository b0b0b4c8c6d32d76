package nl.consilium.events;

import java.util.UUID;

/** Marker for the data of an event: every event is about one referral. */
public interface ConsiliumEvent {

    UUID referralId();

    /** The Kafka record key: the referral id, so that all events of one referral stay in order. */
    default String partitionKey() {
        return referralId().toString();
    }
}
