using System.CommandLine;
using Compliance.Rules.Catalog;

namespace Compliance.Worker.Cli;

/// <summary>`catalog`: prints the controls catalogue (docs/controls.md) generated from the rules.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("catalog", "Print the controls catalogue as Markdown (the source of docs/controls.md)");
        command.SetAction(_ =>
        {
            context.Out.Write(CatalogDocument.Render(RuleCatalog.All));
            return 0;
        });
        return command;
    }
}
