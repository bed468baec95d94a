#pragma once

#include "cpphighlighter.h"
#include "traceindex.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace awaitscope {

/**
 * One source file (a scenario's, or a script's given as text: "*.py" is highlighted as
 * Python), a row per line, coloured (in the theme's colours), with how many
 * tasks wait on each line right now. Counts come from the trace index's source locations once per update, and
 * only lines whose count changed are signalled.
 */
class SourceModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString fileName READ fileName WRITE setFileName NOTIFY fileNameChanged)
    /// The file's text when it is not a scenario's (a Python script being edited); empty: read
    /// the scenario file named fileName from the resources.
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(
        awaitscope::TraceIndex *traceIndex READ traceIndex WRITE setTraceIndex NOTIFY traceIndexChanged)
    Q_PROPERTY(int selectedLine READ selectedLine WRITE setSelectedLine NOTIFY selectedLineChanged)
    Q_PROPERTY(int totalWaiting READ totalWaiting NOTIFY totalWaitingChanged)
    Q_PROPERTY(int busiestLine READ busiestLine NOTIFY busiestLineChanged)
    /// The line of this file the latest await began on (what a step just did).
    Q_PROPERTY(int latestLine READ latestLine NOTIFY latestLineChanged)
    /// Shows the counts of another time than now (the playhead's): then the waiting counts come
    /// from waitingAtTime and the lines that held the loop from blockingAtTime (index line - 1,
    /// missing lines count 0), not from the index.
    Q_PROPERTY(bool atTime READ atTime WRITE setAtTime NOTIFY atTimeChanged)
    Q_PROPERTY(QList<int> waitingAtTime READ waitingAtTime WRITE setWaitingAtTime NOTIFY waitingAtTimeChanged)
    Q_PROPERTY(
        QList<int> blockingAtTime READ blockingAtTime WRITE setBlockingAtTime NOTIFY blockingAtTimeChanged)
public:
    enum Role {
        LineNumberRole = Qt::UserRole + 1,
        TextRole, // StyledText
        PlainTextRole,
        WaitingRole, // tasks suspended (or blocking) on this line now
        BlockingRole, // the line holds the event loop
        SelectedRole,
        IndentRole, // leading columns (tabs count 4): shown as a hanging indent, not in TextRole
        FailuresRole, // waits on this line that failed, timed out or were cancelled so far
        FailureTextRole, // how they ended, in words
    };
    Q_ENUM(Role)

    explicit SourceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString fileName() const { return m_fileName; }
    void setFileName(const QString &fileName);
    QString text() const { return m_text; }
    void setText(const QString &text);
    TraceIndex *traceIndex() const { return m_index; }
    void setTraceIndex(TraceIndex *index);
    int selectedLine() const noexcept { return m_selectedLine; }
    void setSelectedLine(int line);
    int totalWaiting() const noexcept { return m_totalWaiting; }
    int busiestLine() const noexcept { return m_busiestLine; }
    int latestLine() const noexcept { return m_latestLine; }
    bool atTime() const noexcept { return m_atTime; }
    void setAtTime(bool atTime);
    QList<int> waitingAtTime() const { return m_waitingAtTime; }
    void setWaitingAtTime(const QList<int> &counts);
    QList<int> blockingAtTime() const { return m_blockingAtTime; }
    void setBlockingAtTime(const QList<int> &lines);

    /// The text of a scenario source file from the resources ("fanout.cpp"); empty if unknown.
    static QString sourceText(const QString &fileName);

    /// Re-reads the counts from the index.
    void refreshCounts();

Q_SIGNALS:
    void fileNameChanged();
    void textChanged();
    void traceIndexChanged();
    void selectedLineChanged();
    void totalWaitingChanged();
    void busiestLineChanged();
    void latestLineChanged();
    void atTimeChanged();
    void waitingAtTimeChanged();
    void blockingAtTimeChanged();

private:
    void reload();
    void rehighlight();

    QString m_fileName;
    QString m_text;
    QPointer<TraceIndex> m_index;
    int m_selectedLine = -1;
    QStringList m_lines;
    QStringList m_styled;
    std::vector<quint32> m_waiting; // per line
    std::vector<quint8> m_blocking; // per line
    std::vector<quint32> m_indent; // per line
    std::vector<TraceIndex::LocationOutcomes> m_outcomes; // per line
    int m_totalWaiting = 0;
    int m_busiestLine = -1;
    int m_latestLine = -1;
    bool m_atTime = false;
    QList<int> m_waitingAtTime;
    QList<int> m_blockingAtTime;
};

} // namespace awaitscope
