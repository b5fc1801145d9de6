using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP020: secrets fetched during init: Secrets Manager <c>GetSecretValue*</c>/<c>BatchGetSecretValue*</c>, the
    /// Secrets Manager caching client, SSM <c>GetParameter*</c> with <c>WithDecryption = true</c>, KMS
    /// <c>Decrypt*</c>/<c>GenerateDataKey*</c>/<c>DeriveSharedSecret*</c> (not the <c>*WithoutPlaintext</c> variants), and the methods listed in <c>snapsafe.secret_methods</c>. Plain SSM
    /// parameters (no decryption) are configuration, not secrets.
    /// </summary>
    internal sealed class SNAP020SecretFetchedDuringInit : IValueHazard
    {
        public static readonly SNAP020SecretFetchedDuringInit Instance = new SNAP020SecretFetchedDuringInit();

        private SNAP020SecretFetchedDuringInit()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP020SecretFetchedDuringInit;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (operation is not IInvocationOperation invocation)
            {
                return false;
            }

            var types = context.Types;
            var method = invocation.TargetMethod;
            var name = method.Name;
            var matched =
                (ApiMatch.IsCallOn(invocation, types.SecretsManager) && ApiMatch.StartsWithAny(name, "GetSecretValue", "BatchGetSecretValue"))
                || (ApiMatch.IsCallOn(invocation, types.SecretsManagerCache) && ApiMatch.StartsWithAny(name, "GetSecret", "GetCachedSecret"))
                || (ApiMatch.IsCallOn(invocation, types.SimpleSystemsManagement) && ApiMatch.StartsWithAny(name, "GetParameter") && RequestsDecryption(invocation, context))
                || (ApiMatch.IsCallOn(invocation, types.KeyManagementService) && ReturnsPlaintext(name))
                || ApiMatch.IsConfigured(method, context.Options.SecretMethods);
            if (!matched)
            {
                return false;
            }

            source = new HazardSource(Descriptor, ApiMatch.Describe(method), operation);
            return true;
        }

        /// <summary>
        /// KMS calls whose response carries key material in plaintext: <c>Decrypt*</c>, <c>GenerateDataKey*</c> and
        /// <c>DeriveSharedSecret*</c>, but not the <c>*WithoutPlaintext</c> variants (ciphertext only) nor
        /// <c>ReEncrypt*</c> (a new ciphertext).
        /// </summary>
        private static bool ReturnsPlaintext(string name)
            => ApiMatch.StartsWithAny(name, "Decrypt", "GenerateDataKey", "DeriveSharedSecret")
                && name.IndexOf("WithoutPlaintext", System.StringComparison.Ordinal) < 0;

        /// <summary>The request argument sets <c>WithDecryption = true</c> (in its initializer or by assignment to the local).</summary>
        private static bool RequestsDecryption(IInvocationOperation invocation, IHazardContext context)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = OperationFacts.Unwrap(argument.Value);
                if (value is IObjectCreationOperation creation && SetsDecryption(creation.Initializer))
                {
                    return true;
                }

                if (value is ILocalReferenceOperation local)
                {
                    var root = OperationFacts.RootOf(value);
                    foreach (var assigned in context.ValuesOf(local))
                    {
                        if (OperationFacts.Unwrap(assigned) is IObjectCreationOperation localCreation && SetsDecryption(localCreation.Initializer))
                        {
                            return true;
                        }
                    }

                    foreach (var operation in root.Descendants())
                    {
                        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "WithDecryption", Instance: ILocalReferenceOperation target } } assignment
                            && SymbolEqualityComparer.Default.Equals(target.Local, local.Local) && IsTrue(assignment.Value))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool SetsDecryption(IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer == null)
            {
                return false;
            }

            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "WithDecryption" } } assignment && IsTrue(assignment.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A constant <c>true</c>, or any non-constant value (decryption may be on).</summary>
        private static bool IsTrue(IOperation value)
        {
            value = OperationFacts.Unwrap(value);
            return !value.ConstantValue.HasValue || value.ConstantValue.Value is true;
        }
    }
}
