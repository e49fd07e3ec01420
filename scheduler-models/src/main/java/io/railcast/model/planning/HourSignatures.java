package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.network.Station;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;

/**
 * What decides a group's problem in an hour, as a cheap key ({@link Signature}): equal for any two group-hours with
 * equal problems. A resolver asks for one every hour it resolves and builds a problem only for a signature it has
 * not met, so the signature is written into one reused buffer and read from there ({@link Signature.Builder#view}),
 * and only one that is kept is copied. For one resolver, so for one thread.
 */
final class HourSignatures {

    private final PsaPolicy psaPolicy;
    private final DailyPlays dailyPlays;
    private final Signature.Builder buffer = new Signature.Builder();

    HourSignatures(PsaPolicy psaPolicy, DailyPlays dailyPlays) {
        this.psaPolicy = psaPolicy;
        this.dailyPlays = dailyPlays;
    }

    /**
     * Screen type, slot, PSA share and on-air time, and each active campaign (by its calendar's number) with its
     * active range, its plays owed when they are per day, and where its creative rotation stands when the hour's
     * plays depend on it (contracted campaigns and PSAs, not fillers). The signature
     * reads this object's buffer: valid until the next call.
     *
     * @param calendars the calendars of the group's campaigns, in its order
     */
    Signature of(ScreenGroup group, CampaignCalendar[] calendars, SecondRange onAir, LocalDate date, int hour) {
        Station station = group.station();
        boolean continues = onAir.to() == SecondRange.HOUR
                && OnAirHours.onAir(station, (hour + 1) % 24).from() == 0;
        long share = Double.doubleToLongBits(psaPolicy.shareFor(station.province()));
        Signature.Builder signature = buffer.reset()
                .add(group.type().ordinal())
                .add(group.loopPolicy().slotSeconds())
                .add((int) share)
                .add((int) (share >>> 32))
                .add(onAir.from())
                .add(onAir.to())
                .add(continues ? 1 : 0);
        long epochDay = date.toEpochDay();
        for (CampaignCalendar calendar : calendars) {
            Campaign campaign = calendar.campaign;
            SecondRange active = calendar.active(onAir, epochDay, hour);
            if (active.isEmpty()) {
                continue;
            }
            signature.add(calendar.number).add(active.from()).add(active.to());
            if (campaign.frequency().orElse(null) instanceof Frequency.PerDay perDay) {
                signature.add(dailyPlays.owedPerDay(station, campaign, perDay, date, hour));
            }
            // a filler's part of the problem is its whole rotation, whatever the hour; a PSA of the pool starts
            // its plays at the hour's place in its rotation, a contracted campaign at its plays so far
            int cycle = calendar.cycleLength(group.type());
            if (cycle > 1 && campaign.isContracted()) {
                signature.add((int) Math.floorMod(dailyPlays.playsBefore(station, campaign, date, hour), (long) cycle));
            } else if (cycle > 1 && campaign.kind() == CampaignKind.PUBLIC_SERVICE) {
                signature.add(hour % cycle);
            }
        }
        return signature.view();
    }
}
