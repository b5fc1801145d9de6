using System;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP022: string literals naming the Parameters and Secrets extension's endpoint or its token header, anywhere.</summary>
    internal static class SNAP022SecretsExtensionUsed
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP022SecretsExtensionUsed;

        private static readonly string[] Markers = { "localhost:2773", "127.0.0.1:2773", "X-Aws-Parameters-Secrets-Token" };

        public static bool TryMatch(string text, out string marker)
        {
            marker = string.Empty;
            if (text.Length >= 14)
            {
                foreach (var candidate in Markers)
                {
                    if (text.IndexOf(candidate, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        marker = candidate;
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
