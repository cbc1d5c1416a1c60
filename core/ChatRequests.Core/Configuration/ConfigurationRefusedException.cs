namespace ChatRequests.Core.Configuration;

/// <summary>
/// The configuration cannot work (an unknown value, a missing setting, a combination that would fail later): the
/// host refuses to start, and <see cref="Exception.Message"/> says which key and what to do, fit for an operator.
/// </summary>
public sealed class ConfigurationRefusedException(string message) : InvalidOperationException(message);
