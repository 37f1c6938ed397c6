package io.github.dbtestkit.datetime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** (Outside {@code fixtures}, which a test scans as an entity package.) An entity with the java.time types Hibernate maps to DATE and TIMESTAMP columns. */
@Entity
@Table(name = "events")
public class Event {
    @Id
    private Long id;

    @Column(name = "event_day")
    private LocalDate day;

    @Column(name = "happened_at")
    private LocalDateTime happenedAt;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Event() {
    }

    public Event(Long id, LocalDate day, LocalDateTime happenedAt, Instant recordedAt) {
        this.id = id;
        this.day = day;
        this.happenedAt = happenedAt;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDay() {
        return day;
    }

    public LocalDateTime getHappenedAt() {
        return happenedAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
