namespace ChatRequests.Core.Telemetry;

/// <summary>
/// Every name the application's telemetry uses, in one place: the source and meter the hosts subscribe to, the spans,
/// their tags and the instruments. Tags carry ids, kinds and status codes only, never text a person typed.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string Source = "ChatRequests";

    public static class Spans
    {
        /// <summary>"turn message", "turn invoke", ...: one per activity the bot receives.</summary>
        public const string TurnPrefix = "turn ";

        /// <summary>"fulfil ApprovalRequested", ...: one per outbox event handled, in either host.</summary>
        public const string FulfilPrefix = "fulfil ";

        /// <summary>"connector SendToConversation", ...: one per Bot Connector call, its retries inside.</summary>
        public const string ConnectorPrefix = "connector ";

        /// <summary>One refresh of the cached gauges (outbox, parked events, approvals pending).</summary>
        public const string GaugeRefresh = "gauges refresh";
    }

    public static class Tags
    {
        /// <summary>The activity type of a turn: message, invoke, conversationUpdate, installationUpdate or other.</summary>
        public const string TurnKind = "chatrequests.turn.kind";

        /// <summary>A card verb of ours (an invoke's), never an unknown one.</summary>
        public const string CardVerb = "chatrequests.card.verb";

        /// <summary>The request number (REQ-000042) a turn changed or an event belongs to.</summary>
        public const string RequestNumber = "chatrequests.request.number";

        public const string EventType = "chatrequests.event.type";
        public const string EventId = "chatrequests.event.id";

        /// <summary>handled or failed (a fulfilment event); failed ones are retried or parked by the relay.</summary>
        public const string Outcome = "chatrequests.outcome";

        /// <summary>The Bot Connector operation (ReplyToActivity, SendToConversation, CreateConversation, UpdateActivity).</summary>
        public const string ConnectorOperation = "chatrequests.connector.operation";

        /// <summary>The HTTP status the call ended with (0: no response), as OpenTelemetry's HTTP conventions name it.</summary>
        public const string StatusCode = "http.response.status_code";
    }

    public static class Instruments
    {
        public const string Turns = "chatrequests.turns";
        public const string InvokeDuration = "chatrequests.invoke.duration";
        public const string FulfilmentEvents = "chatrequests.fulfilment.events";
        public const string ConnectorThrottled = "chatrequests.connector.throttled";
        public const string ConnectorRetries = "chatrequests.connector.retries";
        public const string OutboxDepth = "chatrequests.outbox.depth";
        public const string OutboxOldestAge = "chatrequests.outbox.oldest_age";
        public const string ParkedEvents = "chatrequests.outbox.parked";
        public const string ParkedNoticesUndelivered = "chatrequests.outbox.parked_notices_undelivered";
        public const string ApprovalsPending = "chatrequests.approvals.pending";

        /// <summary>The embedded SQLite store's work (its <c>StoreWork</c>): counts, for CPU per lifecycle.</summary>
        public const string StorePrefix = "chatrequests.store.";
        public const string StoreDocumentsRead = StorePrefix + "documents_read";
        public const string StoreDocumentBytesRead = StorePrefix + "document_bytes_read";
        public const string StoreDocumentsWritten = StorePrefix + "documents_written";
        public const string StoreDocumentBytesWritten = StorePrefix + "document_bytes_written";
        public const string StoreWrites = StorePrefix + "writes";
        public const string StoreCommits = StorePrefix + "commits";
        public const string StoreWalBytes = StorePrefix + "wal_bytes";
        public const string StoreSaveConflicts = StorePrefix + "save_conflicts";

        /// <summary>Updates not sent because the message already showed the card: found once it was built, or from its inputs before.</summary>
        public const string UnchangedUpdatesPrefix = "chatrequests.updates.unchanged.";
        public const string UnchangedUpdatesBuilt = UnchangedUpdatesPrefix + "built";
        public const string UnchangedUpdatesNotBuilt = UnchangedUpdatesPrefix + "not_built";

        /// <summary>Bytes the process allocated since it started (<c>GC.GetTotalAllocatedBytes</c>): work counted, for CPU per lifecycle.</summary>
        public const string ProcessAllocatedBytes = "chatrequests.process.allocated_bytes";
    }
}
