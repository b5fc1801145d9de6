using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP046: a warm-up request whose URI is absolute: <c>new Uri("/path")</c> (one argument: an absolute
    /// <c>file:///path</c> URI on Linux), <c>new Uri(..., UriKind.Absolute)</c>, or a URL with a scheme, as a <c>Uri</c> or
    /// a string. Reported at the URI expression, wherever the request is built (a local, a helper of the compilation).
    /// </summary>
    internal sealed class SNAP046WarmUpRequestUriAbsolute : IModelRule
    {
        /// <summary>Diagnostic property: the relative path the fix writes (<c>/health</c>, query included).</summary>
        public const string RelativeUriProperty = "SnapSafe.RelativeUri";

        public static readonly SNAP046WarmUpRequestUriAbsolute Instance = new SNAP046WarmUpRequestUriAbsolute();

        private SNAP046WarmUpRequestUriAbsolute()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP046WarmUpRequestUriAbsolute;

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            foreach (var (request, _) in phase.Hooks.WarmUps)
            {
                if (request.Uri is { } uri && IsAbsolute(uri, out var text))
                {
                    var properties = new FixRequest { RuleFixApplies = true }.ToProperties().SetItem(RelativeUriProperty, RelativeOf(text));
                    findings.Add(new Finding(Descriptor, OperationFacts.Unwrap(uri).Syntax.GetLocation(), ImmutableArray<Location>.Empty, properties, new object[] { OperationFacts.Unwrap(uri).Syntax.ToString() }));
                }
            }
        }

        /// <summary>True when the URI expression gives an absolute URI at run time on Linux.</summary>
        public static bool IsAbsolute(IOperation uri, out string text)
        {
            text = string.Empty;
            uri = OperationFacts.Unwrap(uri);
            if (WarmUpRequest.UriText(uri) is not { } constant)
            {
                return false;
            }

            text = constant;
            var hasScheme = HasScheme(constant);
            if (uri is IObjectCreationOperation creation)
            {
                if (creation.Arguments.Length == 1)
                {
                    // new Uri(string): a path starting with '/' is an implicit file path on Linux.
                    return hasScheme || constant.StartsWith("/", StringComparison.Ordinal);
                }

                var kind = OperationFacts.Unwrap(creation.Arguments[1].Value);
                if (kind is IFieldReferenceOperation { Field.Name: "Absolute" })
                {
                    return true;
                }

                return hasScheme && kind is IFieldReferenceOperation { Field.Name: "RelativeOrAbsolute" };
            }

            // The string overload parses with UriKind.RelativeOrAbsolute: only a URL with a scheme is absolute.
            return hasScheme;
        }

        private static bool HasScheme(string text)
        {
            var colon = text.IndexOf("://", StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            for (var i = 0; i < colon; i++)
            {
                if (!char.IsLetterOrDigit(text[i]) && text[i] != '+' && text[i] != '-' && text[i] != '.')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The relative URI a request should use instead: the path and query of the absolute one.</summary>
        private static string RelativeOf(string text)
        {
            if (HasScheme(text))
            {
                var pathStart = text.IndexOf('/', text.IndexOf("://", StringComparison.Ordinal) + 3);
                text = pathStart < 0 ? "/" : text.Substring(pathStart);
            }

            return text.StartsWith("/", StringComparison.Ordinal) ? text : "/" + text;
        }
    }
}
