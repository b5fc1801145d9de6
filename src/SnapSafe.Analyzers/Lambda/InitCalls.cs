using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A call init makes that a rule asked about (<see cref="IInitCallHazard"/>), with how it ran.</summary>
    internal sealed class InitCall
    {
        public InitCall(IInitCallHazard hazard, string api, IInvocationOperation invocation, InitFrame frame)
        {
            Hazard = hazard;
            Api = api;
            Invocation = invocation;
            Frame = frame;
        }

        public IInitCallHazard Hazard { get; }

        /// <summary>The API as users write it, for the message.</summary>
        public string Api { get; }

        public IInvocationOperation Invocation { get; }

        public InitFrame Frame { get; }

        /// <summary>Where it is reported: the call, or the init call of a helper that also runs per invocation.</summary>
        public SyntaxNode Syntax => Frame.Anchor ?? Invocation.Syntax;
    }

    /// <summary>
    /// The calls init makes that are hazards whether or not their result is kept (a configuration source that loads
    /// secrets, a host started before the runtime loop): each call once, in the order the walk reached them.
    /// </summary>
    internal sealed class InitCalls
    {
        private readonly List<InitCall> _calls = new List<InitCall>();
        private readonly HashSet<(SyntaxNode, string)> _seen = new HashSet<(SyntaxNode, string)>();

        public IReadOnlyList<InitCall> All => _calls;

        public void Add(IInitCallHazard hazard, string api, IInvocationOperation invocation, InitFrame frame)
        {
            if (_seen.Add((invocation.Syntax, hazard.Rule.Id)))
            {
                _calls.Add(new InitCall(hazard, api, invocation, frame));
            }
        }
    }
}
