using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Workflow;

/// <summary>
/// Who is acting in a turn, looked up once when the turn begins and passed down, so no use case asks the directory
/// again: the person as the request will remember them (<see cref="Ref"/>) and their directory entry, null when they
/// are not in the directory.
/// </summary>
public sealed record Actor(PersonRef Ref, Person? Entry)
{
    /// <summary>
    /// The person with this id, named as the directory names them; someone not in it by the name their client sent,
    /// or "there" (as in "Hello there") when it sent none.
    /// </summary>
    public static Actor Of(string id, Person? entry, string? nameSent) => new(new PersonRef(id, entry?.Name ?? nameSent ?? "there"), entry);
}
