using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

// What the reporting projection needs of a request that the rest of it does not.
public sealed partial class ServiceRequest
{
    /// <summary>
    /// The catalog item was marked restricted when the request was logged (reports flag one person's repeated requests
    /// for restricted items). Not written while false, so older documents read and save as before.
    /// </summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool Restricted { get; internal set; }
}
