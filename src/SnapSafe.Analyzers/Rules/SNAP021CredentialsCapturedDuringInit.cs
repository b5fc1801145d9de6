using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP021: temporary credentials obtained during init: STS <c>AssumeRole*</c>, <c>GetSessionToken*</c>, <c>GetFederationToken*</c> and <c>AWSCredentials.GetCredentials*()</c>.</summary>
    internal sealed class SNAP021CredentialsCapturedDuringInit : IValueHazard
    {
        public static readonly SNAP021CredentialsCapturedDuringInit Instance = new SNAP021CredentialsCapturedDuringInit();

        private SNAP021CredentialsCapturedDuringInit()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP021CredentialsCapturedDuringInit;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (operation is not IInvocationOperation invocation)
            {
                return false;
            }

            var types = context.Types;
            var name = invocation.TargetMethod.Name;
            var matched =
                (ApiMatch.IsCallOn(invocation, types.SecurityTokenService) && ApiMatch.StartsWithAny(name, "AssumeRole", "GetSessionToken", "GetFederationToken"))
                || (ApiMatch.IsCallOn(invocation, types.AWSCredentials) && ApiMatch.StartsWithAny(name, "GetCredentials"));
            if (!matched)
            {
                return false;
            }

            source = new HazardSource(Descriptor, ApiMatch.Describe(invocation.TargetMethod), operation);
            return true;
        }
    }
}
