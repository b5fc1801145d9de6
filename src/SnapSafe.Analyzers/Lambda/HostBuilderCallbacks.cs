using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The configuration callbacks of a host builder (<c>ConfigureAppConfiguration</c>, <c>ConfigureHostConfiguration</c>,
    /// <c>ConfigureServices</c> on an <c>IHostBuilder</c> or <c>IWebHostBuilder</c>): the builder runs them when the host
    /// is built. Registered during init, they run during init (SnapSafe assumes the host is built where it is
    /// configured), and they are not kept afterwards: in every programming model
    /// (<see cref="Models.ProgrammingModels.RunsDuringInit"/>).
    /// </summary>
    internal static class HostBuilderCallbacks
    {
        /// <summary>True for a call that hands a host builder a configuration callback.</summary>
        public static bool IsCallbackRegistration(IInvocationOperation invocation, KnownTypes types)
        {
            var name = invocation.TargetMethod.Name;
            if (name != "ConfigureAppConfiguration" && name != "ConfigureHostConfiguration" && name != "ConfigureServices")
            {
                return false;
            }

            var receiver = OperationFacts.Receiver(invocation)?.Type ?? invocation.TargetMethod.ContainingType;
            return KnownTypes.Implements(receiver, types.IHostBuilder) || KnownTypes.Implements(receiver, types.IWebHostBuilder);
        }
    }
}
