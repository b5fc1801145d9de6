using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// A deployment finding: a rule, the span of the template node that causes it, and the message arguments. The
    /// argument at <see cref="NameIndex"/> names the function; findings of one rule at one place (a setting in
    /// Globals.Function that several functions inherit) become one diagnostic naming them all.
    /// </summary>
    internal sealed class TemplateFinding
    {
        public TemplateFinding(DiagnosticDescriptor descriptor, TextSpan span, object[] arguments, int nameIndex = 0, ImmutableDictionary<string, string?>? properties = null)
        {
            Descriptor = descriptor;
            Span = span;
            Arguments = arguments;
            NameIndex = nameIndex;
            Properties = properties ?? ImmutableDictionary<string, string?>.Empty;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public TextSpan Span { get; }

        public object[] Arguments { get; }

        public int NameIndex { get; }

        /// <summary>What a code fix needs (for SNAP050: the function's logical ID and the kind of fix).</summary>
        public ImmutableDictionary<string, string?> Properties { get; }
    }
}
